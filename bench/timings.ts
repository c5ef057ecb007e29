/**
 * The timings in a benchmark's JSON, named by their path, so that runs of different benchmarks
 * can be summarised and compared without each one knowing about the others. A timing is a number
 * under a key ending in `ms` (`ms`, `loadMs`, `buildMs`), or a string that starts with a duration
 * (`"144 ms"`, `"2.1 s"`, `"p50 134 ms, p99 474 ms, …"`, of which the p50 is taken). Everything
 * else in the JSON (sizes, counts, notes) is not a timing and is left out.
 */
export type Timings = Record<string, number>;

const DURATION = /^(?:p50 )?(\d+(?:\.\d+)?) (ms|s)\b/;

function durationMs(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  return m[2] === 's' ? value * 1000 : value;
}

/** Every timing in `json`, keyed `<prefix>.<path>`, in milliseconds. */
export function timingsOf(json: unknown, prefix: string): Timings {
  const found: Timings = {};
  const visit = (value: unknown, path: string, key: string): void => {
    if (typeof value === 'number' && /ms$/i.test(key) && Number.isFinite(value)) found[path] = value;
    else if (typeof value === 'string') {
      const ms = durationMs(value);
      if (ms !== undefined) found[path] = ms;
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`, k);
    }
  };
  visit(json, prefix, '');
  return found;
}

/** One step over several runs: its median and the range the runs spread over. */
export interface StepSummary {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each step's median and spread over the runs that measured it. */
export function summarise(runs: Timings[]): Record<string, StepSummary> {
  const byStep = new Map<string, number[]>();
  for (const run of runs) {
    for (const [step, ms] of Object.entries(run)) byStep.set(step, [...(byStep.get(step) ?? []), ms]);
  }
  const out: Record<string, StepSummary> = {};
  for (const [step, values] of byStep) {
    // A tenth of a millisecond is finer than any step's run-to-run spread.
    const rounded = values.map((v) => Math.round(v * 10) / 10);
    const sorted = [...rounded].sort((a, b) => a - b);
    out[step] = { median: median(sorted), min: sorted[0]!, max: sorted.at(-1)!, runs: rounded };
  }
  return out;
}

/** `1234.5` as `1235 ms`, and long steps in seconds. */
export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

export function summaryLine(step: string, s: StepSummary, width: number): string {
  const spread = s.runs.length > 1 ? `${formatMs(s.min)} – ${formatMs(s.max)}` : 'one run, no spread';
  return `${step.padEnd(width)}  median ${formatMs(s.median).padStart(9)}   spread ${spread} (${s.runs.length} runs)`;
}

/** How a step compares with the baseline. */
export interface StepComparison {
  step: string;
  base: StepSummary;
  now: StepSummary;
  /** The larger of the two spreads, and at least 1 ms (the timers' useful resolution). */
  noise: number;
  slower: boolean;
}

/**
 * A step is slower beyond the noise when its median exceeds the baseline's by more than the larger
 * of the two spreads over runs. With one run on either side the spread is not known, so any
 * slowdown beyond 1 ms is flagged and the caller should say the comparison is weak.
 */
export function compareSteps(base: Record<string, StepSummary>, now: Record<string, StepSummary>): StepComparison[] {
  const out: StepComparison[] = [];
  for (const [step, b] of Object.entries(base)) {
    const n = now[step];
    if (!n) continue;
    const noise = Math.max(b.max - b.min, n.max - n.min, 1);
    out.push({ step, base: b, now: n, noise, slower: n.median - b.median > noise });
  }
  return out;
}
