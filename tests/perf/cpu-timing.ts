// Wall and CPU time of analysis runs, for the analysis benchmarks and the profile script. CPU time of this
// process (user + system) is less disturbed than wall time when other processes share the machine.
import { performance } from 'node:perf_hooks';

export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export const medianOf = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median wall and CPU time of `fn` over `runs` runs, each given what `prepare` returns (made outside the timing). */
export function wallAndCpu<T>(
  runs: number,
  prepare: () => T,
  fn: (input: T) => unknown,
): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare();
    const w0 = performance.now();
    const c0 = cpuMs();
    fn(input);
    cpu.push(cpuMs() - c0);
    wall.push(performance.now() - w0);
  }
  return { wall: medianOf(wall), cpu: medianOf(cpu) };
}
