import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Hands `url` to a browser opener without putting it on a command line: any local user can read
 * a process's arguments (`/proc/<pid>/cmdline`, `ps`) for as long as the opener or the browser it
 * starts runs. The opener gets only the `file://` URL of a page in `dir` that only this user can
 * read (0600, created fresh, never a file someone else put there); the page forwards the browser
 * to `url`. It is removed once `done` settles, or at once when the opener cannot start.
 * For the launch ticket (browser mode) and the bank's authorize URL, whose `state` would let
 * another user end or complete the person's sign-in.
 * @throws the opener's error, once the page is removed.
 */
export async function openThroughPrivatePage(dir: string, url: string, done: Promise<unknown>, opener: (fileUrl: string) => Promise<void>): Promise<void> {
  const file = join(dir, `open-${randomBytes(8).toString('hex')}.html`);
  const target = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const html = `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${target}"><title>Conturi</title>\n`;
  // `wx`: never follow or reuse a file someone else put there.
  await writeFile(file, html, { mode: 0o600, flag: 'wx' });
  const remove = () => rm(file, { force: true });
  void done.then(remove, remove);
  try {
    await opener(pathToFileURL(file).href);
  } catch (error) {
    await remove();
    throw error;
  }
}
