/** The summary of several benchmark runs that bench/run.ts writes and bench/compare.ts reads. */
import { type StepSummary, summarise, summaryLine, type Timings } from './timings.js';

/** How the runs were made: comparing runs made differently says little. */
export interface RunConditions {
  benchmarks: string[];
  size: string;
  cpus: number;
  /** The one-minute load average: other work on the machine widens the spread. */
  loadAverage: { atStart: number; atEnd: number };
}

export interface BenchSummary extends RunConditions {
  date: string;
  runs: number;
  steps: Record<string, StepSummary>;
}

/** Summarises the runs and prints one line per step. */
export function summariseRuns(perRun: Timings[], conditions: RunConditions): BenchSummary {
  const steps = summarise(perRun);
  const width = Math.max(0, ...Object.keys(steps).map((s) => s.length));
  const title = `Summary over ${perRun.length} run(s), load average ${conditions.loadAverage.atStart.toFixed(1)} at start`;
  process.stdout.write(`\n${title}\n${'='.repeat(title.length)}\n`);
  for (const [step, s] of Object.entries(steps)) process.stdout.write(`${summaryLine(step, s, width)}\n`);
  return { date: new Date().toISOString(), runs: perRun.length, ...conditions, steps };
}

export function readSummary(text: string, path: string): BenchSummary {
  const json = JSON.parse(text) as Partial<BenchSummary>;
  if (!json.steps || typeof json.steps !== 'object') {
    throw new Error(`${path}: not a bench summary (no "steps"); write one with npm run bench`);
  }
  return json as BenchSummary;
}
