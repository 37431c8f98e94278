/**
 * The figures `npm run bench` prints, also kept in bench/results.json as
 * `{"<metric>": {"value": <number>, "unit": "<unit>"}}` so a run can be compared with the last.
 */
import { writeFileSync } from 'node:fs';

const results: Record<string, { value: number; unit: string }> = {};

/** Prints one table line and keeps the figure under `metric`. */
export function report(metric: string, label: string, value: number, unit: string, target?: number): void {
  results[metric] = { value: Number(value.toFixed(3)), unit };
  const versus = target === undefined ? '' : `   target ${target} ${unit}  ratio ${(value / target).toFixed(2)}`;
  console.log(`${label.padEnd(52)} ${value.toFixed(unit === '×' ? 2 : 1).padStart(10)} ${unit}${versus}`);
}

export function writeResults(): void {
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
}
