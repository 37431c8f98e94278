import { describe, expect, it } from 'vitest';
import { browserCommand, openInBrowser } from './open-browser.js';

const url = 'http://127.0.0.1:5/authorize?a=1&b=2;c';

describe('browserCommand', () => {
  it('passes the URL as one argument to the opener of each OS', () => {
    expect(browserCommand(url, 'linux')).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, 'win32')).toEqual({ command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] });
  });
});

describe('openInBrowser', () => {
  it.each(['file:///etc/passwd', '--help', 'javascript:alert(1)', 'not a url'])('refuses %s before starting anything', async (target) => {
    await expect(openInBrowser(target, 'linux')).rejects.toThrow('only http(s) URLs are opened in the browser');
  });
});
