import { spawn } from 'node:child_process';

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
  const { command, args } = browserCommand(url, platform);
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
