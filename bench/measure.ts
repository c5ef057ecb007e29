/**
 * Timing and memory for the benchmarks. Peak RSS is sampled every 5 ms while the measured work
 * runs (Node keeps no peak counter of its own), heap growth is heap after minus heap before.
 */
export interface Measured<T> {
  result: T;
  ms: number;
  peakRssMiB: number;
  heapGrowthMiB: number;
}

const MiB = 1024 * 1024;

export async function measure<T>(work: () => Promise<T> | T): Promise<Measured<T>> {
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const start = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - start;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, peakRssMiB: peak / MiB, heapGrowthMiB: (process.memoryUsage().heapUsed - heapBefore) / MiB };
  } finally {
    clearInterval(timer);
  }
}

export function printTable(title: string, rows: [string, string][]): void {
  const w = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\n${title}\n${'='.repeat(title.length)}\n`);
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(w)}  ${v}\n`);
}
