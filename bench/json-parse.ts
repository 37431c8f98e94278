/**
 * The exact JSON parse against JSON.parse on the same bytes, side by side: each round times every
 * parser once, on CPU time after a collection, and the figure is the median round, because these
 * machines are shared and noisy.
 */
import { setFlagsFromString } from 'node:v8';
import { parse } from 'lossless-json';
import { JsonNumber, parseJsonLossless } from '../core/http/json-number.js';
import { cpuMs, median } from './measure.js';
import { report } from './results.js';

/** Node 20's V8 has JSON.parse's source text access behind this flag; Node 22+ and Electron have it on. */
const sourceFlag = !reviverGetsSource();
if (sourceFlag) setFlagsFromString('--harmony-json-parse-with-source');

const ROUNDS = 9;

/** Whether JSON.parse hands a reviver each number's source text (`context.source`). */
function reviverGetsSource(): boolean {
  let source: unknown;
  JSON.parse('1', (_key, value: unknown, context?: { source?: string }) => {
    source = context?.source;
    return value;
  });
  return source === '1';
}

/** `text`: a transaction report; `label`: what it is, for the table. `prefix` names its metrics. */
export function benchJsonParse(text: string, label: string, prefix: string): void {
  const parsers: Record<string, () => unknown> = {
    'JSON.parse': () => JSON.parse(text),
    exact: () => parseJsonLossless(text, { dropNullMembers: true }),
    'lossless-json': () => parse(text, null, (digits: string) => new JsonNumber(digits)),
  };
  if (reviverGetsSource()) {
    parsers['reviver source'] = () => JSON.parse(text, (_key, value: unknown, context?: { source?: string }) => (typeof value === 'number' ? new JsonNumber(context!.source!) : value));
  }
  const times: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(parsers)) (times[name] ??= []).push(cpuMs(fn));
  }
  const floor = median(times['JSON.parse']!);
  const exact = median(times.exact!);
  console.log(`${label} (${(text.length / 1e6).toFixed(1)} MB), CPU, median of ${ROUNDS} side-by-side rounds:`);
  report(`${prefix}json_parse_ms`, '  JSON.parse', floor, 'ms');
  report(`${prefix}exact_parse_ms`, '  exact parse (parseJsonLossless, nulls dropped)', exact, 'ms');
  report(`${prefix}exact_parse_ratio_to_json_parse`, '  exact parse / JSON.parse', exact / floor, '×', 2);
  report(`${prefix}lossless_json_ratio_to_json_parse`, '  lossless-json / JSON.parse (the parser before)', median(times['lossless-json']!) / floor, '×');
  const reviver = times['reviver source'];
  if (reviver !== undefined) report(`${prefix}reviver_source_ratio_to_json_parse`, `  JSON.parse reviver with context.source${sourceFlag ? ' (flag on)' : ''} / JSON.parse`, median(reviver) / floor, '×');
  else console.log('  JSON.parse reviver with context.source: not in this runtime');
}
