import { chunkWriter } from './chunk-writer.js';
import { toExportRecord, type ExportRow, type ExportSink, type ExportSummary } from './export-row.js';

/**
 * Writes every row as one JSON array of ExportRecord objects (see docs/export.md), one object a
 * line, streamed in chunks. Amounts are strings, so no reader turns them into binary floats.
 */
export function exportJson(rows: Iterable<ExportRow>, sink: ExportSink): ExportSummary {
  const out = chunkWriter(sink);
  let written = 0;
  out.write('[');
  for (const row of rows) {
    out.write(written === 0 ? '\n' : ',\n');
    out.write(JSON.stringify(toExportRecord(row)));
    written += 1;
  }
  out.write(written === 0 ? ']\n' : '\n]\n');
  out.flush();
  return { written, leftOut: 0 };
}
