import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface PrivateFile {
  write(chunk: string): void;
  /** Makes the file whole at its path: flushed to disk, then renamed over whatever was there. */
  commit(): void;
  /** Drops the unfinished file; the path keeps what it held before. */
  abort(): void;
}

/**
 * A file only its owner can read (0600), written to a fresh temporary name beside `path` and
 * renamed into place once complete: a reader never sees half an export, a failure leaves the
 * old file as it was, and the temp name is created exclusively (`wx`), so nothing someone else
 * put there is followed or reused.
 */
export function openPrivateFile(path: string): PrivateFile {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(chunk) {
      // writeSync may write less than it was given: loop until the chunk is all out.
      const bytes = Buffer.from(chunk, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    },
    commit() {
      fsyncSync(fd);
      close();
      renameSync(temp, path);
    },
    abort() {
      close();
      rmSync(temp, { force: true });
    },
  };
}
