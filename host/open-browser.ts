import { spawn } from 'node:child_process';
import { openThroughPrivatePage } from '../core/platform/private-page.js';

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
  assertHttpUrl(url);
  await spawnOpener(url, platform);
}

function assertHttpUrl(url: string): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error('only http(s) URLs are opened in the browser');
}

/**
 * Opens an http(s) URL in the default browser through a private page in `dir` (as
 * `openLaunchPage`), for as long as `until` has not settled. For the bank's authorize URL in
 * `system-browser` mode: it carries the sign-in's `state`, and any local user who read it from
 * the opener's arguments could end the sign-in or complete it with a code of their own.
 * @throws Error when the URL is not http(s) or the opener cannot be started.
 */
export async function openPrivately(
  dir: string,
  url: string,
  until: Promise<unknown>,
  opener: (fileUrl: string) => Promise<void> = (fileUrl) => spawnOpener(fileUrl, process.platform),
): Promise<void> {
  assertHttpUrl(url);
  await openThroughPrivatePage(dir, url, until, opener);
}

/**
 * Opens the app in the default browser without putting anything secret on a command line: the
 * opener gets a private page (core's `openThroughPrivatePage`) that forwards to `launch.url`,
 * whose fragment holds a single-use, short-lived ticket (never the secret itself), which the
 * app's page trades for the secret. The page is removed once the ticket is spent or expired.
 */
export async function openLaunchPage(
  dir: string,
  launch: { url: string; done: Promise<void> },
  opener: (fileUrl: string) => Promise<void> = (fileUrl) => spawnOpener(fileUrl, process.platform),
): Promise<void> {
  await openThroughPrivatePage(dir, launch.url, launch.done, opener);
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
