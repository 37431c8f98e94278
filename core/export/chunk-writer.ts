import type { ExportSink } from './export-row.js';

/** About what one chunk holds before it goes to the sink: big enough to keep calls few. */
export const CHUNK_CHARS = 64 * 1024;

export interface ChunkWriter {
  write(text: string): void;
  /** Hands what is left to the sink; call once at the end. */
  flush(): void;
}

/**
 * Collects small strings and hands them to the sink in chunks of about CHUNK_CHARS, so a 100,000
 * transaction export never exists as one string and the sink is not called once per field.
 */
export function chunkWriter(sink: ExportSink, chunkChars = CHUNK_CHARS): ChunkWriter {
  let parts: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (size === 0) return;
    sink(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= chunkChars) flush();
    },
    flush,
  };
}
