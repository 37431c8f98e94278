import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The program and arguments that open `url` in the person's default browser. The URL is one
 * argument and no shell runs, so its `&` and `;` stay data. Windows does not use `cmd /c start`:
 * cmd.exe would split the authorize URL at every `&`; `rundll32 url.dll,FileProtocolHandler`
 * takes it whole.
 */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [url] };
    case 'win32':
      return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] };
    default:
      return { command: 'xdg-open', args: [url] };
  }
}

/**
 * Opens an http(s) URL in the default browser. Anything else is refused, so a value starting
 * with `-` or a `file:` URL can never reach the opener as an option or a local path.
 * @throws Error when the URL is not http(s) or the opener cannot be started.
 */
export async function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error('only http(s) URLs are opened in the browser');
  await spawnOpener(url, platform);
}

/**
 * Opens the app in the default browser without putting anything secret on a command line: any
 * local user can read a process's arguments (`/proc/<pid>/cmdline`) for as long as the opener
 * or the browser it starts runs. The opener gets only the path of a page in `dir` that only
 * this user can read (0600, created fresh); the page forwards the browser to `launch.url`, whose
 * fragment holds a single-use, short-lived ticket (never the secret itself), which the app's page
 * trades for the secret. The page is removed once the ticket is spent or expired.
 */
export async function openLaunchPage(
  dir: string,
  launch: { url: string; done: Promise<void> },
  opener: (fileUrl: string) => Promise<void> = (fileUrl) => spawnOpener(fileUrl, process.platform),
): Promise<void> {
  const file = join(dir, `open-${randomBytes(8).toString('hex')}.html`);
  const target = launch.url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const html = `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${target}"><title>Conturi</title>\n`;
  // `wx`: never follow or reuse a file someone else put there.
  await writeFile(file, html, { mode: 0o600, flag: 'wx' });
  const remove = () => rm(file, { force: true });
  void launch.done.then(remove, remove);
  try {
    await opener(pathToFileURL(file).href);
  } catch (error) {
    await remove();
    throw error;
  }
}

async function spawnOpener(target: string, platform: NodeJS.Platform): Promise<void> {
  const { command, args } = browserCommand(target, platform);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, shell: false, windowsHide: true });
    child.once('error', (error) => reject(new Error(`could not start ${command}: ${error.message}`)));
    child.once('spawn', () => {
      // The opener may outlive us (xdg-open waits for some browsers): let it go.
      child.unref();
      resolve();
    });
  });
}
