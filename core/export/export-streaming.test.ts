import { describe, expect, it } from 'vitest';
import { booked, card, currentAccount } from '../../test/helpers/export-rows.js';
import type { ExportRow } from './export-row.js';
import { exportTransactions, type ExportOptions } from './index.js';

const TOTAL = 100_000;

/** 100,000 rows made one at a time, as a store streams them; counts how many it has made. */
function source() {
  const state = { produced: 0 };
  function* rows(): Generator<ExportRow> {
    for (let i = 0; i < TOTAL; i += 1) {
      state.produced += 1;
      const account = i < TOTAL / 2 ? currentAccount : card;
      yield { account, transaction: booked(`T${i}`, `-${i}.${String(i % 100).padStart(2, '0')}`, { remittance: `Plată ${i} ș ț` }) };
    }
  }
  return { rows: rows(), state };
}

const formats: ExportOptions[] = [
  { format: 'json' },
  { format: 'csv' },
  { format: 'ofx', range: { from: '2024-01-01', to: '2024-12-31' }, now: new Date('2025-01-01T00:00:00Z') },
];

describe('exportTransactions', () => {
  it.each(formats)('streams 100,000 rows as $format in chunks, never as one string', (options) => {
    const { rows, state } = source();
    let chunks = 0;
    let largest = 0;
    let producedAtFirstChunk: number | undefined;
    let records = 0;
    const summary = exportTransactions(rows, (chunk) => {
      chunks += 1;
      largest = Math.max(largest, chunk.length);
      producedAtFirstChunk ??= state.produced;
      records += (chunk.match(options.format === 'ofx' ? /<STMTTRN>/g : /Plată \d+/g) ?? []).length;
    }, options);
    expect(summary).toEqual({ written: TOTAL, leftOut: 0 });
    expect(records).toBe(TOTAL);
    expect(chunks).toBeGreaterThan(100);
    expect(largest).toBeLessThan(256 * 1024);
    // The first chunk left before the source had made 1% of its rows.
    expect(producedAtFirstChunk).toBeLessThan(TOTAL / 100);
  });

  it('chooses the exporter by format', () => {
    const out: Record<string, string> = {};
    for (const options of formats) {
      const parts: string[] = [];
      exportTransactions([{ account: currentAccount, transaction: booked('T1', '-1') }], (c) => void parts.push(c), options);
      out[options.format] = parts.join('');
    }
    expect(JSON.parse(out.json!)).toHaveLength(1);
    expect(out.csv!.startsWith('\ufeffaccountId,')).toBe(true);
    expect(out.ofx!).toContain('<FITID>T1</FITID>');
  });
});
