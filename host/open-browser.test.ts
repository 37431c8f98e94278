import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { browserCommand, openInBrowser, openLaunchPage, openPrivately } from './open-browser.js';

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

describe('openLaunchPage', () => {
  const launch = (url: string) => {
    let spend!: () => void;
    const done = new Promise<void>((resolve) => (spend = resolve));
    return { url, done, spend };
  };

  it('hands the opener only the path of a 0600 page that forwards to the ticket URL, and removes it once spent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conturi-launch-'));
    try {
      const l = launch('http://127.0.0.1:5/#ticket=abc&x="y"');
      const opened: string[] = [];
      await openLaunchPage(dir, l, async (fileUrl) => void opened.push(fileUrl));
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatch(/^file:\/\/.*\/open-[0-9a-f]{16}\.html$/);
      const file = fileURLToPath(opened[0] as string);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toContain('<meta http-equiv="refresh" content="0;url=http://127.0.0.1:5/#ticket=abc&amp;x=&quot;y&quot;">');
      l.spend();
      await vi.waitFor(() => expect(existsSync(file)).toBe(false));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes the page when the opener cannot start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conturi-launch-'));
    try {
      await expect(openLaunchPage(dir, launch('http://127.0.0.1:5/#ticket=t'), async () => {
        throw new Error('could not start xdg-open');
      })).rejects.toThrow('could not start xdg-open');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('openPrivately', () => {
  it('refuses a URL that is not http(s) before writing or starting anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conturi-launch-'));
    try {
      const opener = vi.fn(async () => {});
      await expect(openPrivately(dir, 'file:///etc/passwd', new Promise(() => {}), opener)).rejects.toThrow('only http(s) URLs are opened in the browser');
      expect(opener).not.toHaveBeenCalled();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the forwarding page until the sign-in ends, even when it ends in an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conturi-launch-'));
    try {
      let end!: (error: Error) => void;
      const until = new Promise((_resolve, reject) => (end = reject));
      until.catch(() => {});
      const opened: string[] = [];
      await openPrivately(dir, url, until, async (fileUrl) => void opened.push(fileUrl));
      const file = fileURLToPath(opened[0] as string);
      expect(opened[0]).not.toContain('authorize');
      expect(readFileSync(file, 'utf8')).toContain('content="0;url=http://127.0.0.1:5/authorize?a=1&amp;b=2;c"');
      end(new Error('cancelled'));
      await vi.waitFor(() => expect(existsSync(file)).toBe(false));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
