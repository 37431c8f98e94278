import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async () => {}) } }));
vi.mock('electron', () => electron);

const { isAllowedExternal, openExternal } = await import('./open-external.js');

beforeEach(() => electron.shell.openExternal.mockClear());

describe('isAllowedExternal', () => {
  it.each(['https://www.cec.ro', 'https://www.cec.ro/persoane-fizice?x=1', 'https://apiportal.cec.ro/docs#top'])('allows %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.cec.ro/'],
    ['a look-alike host', 'https://www.cec.ro.evil.example/'],
    ['a sibling host', 'https://cec.ro/'],
    ['another port', 'https://www.cec.ro:8443/'],
    ['userinfo', 'https://user:pw@www.cec.ro/'],
    ['the allow-listed site in the query', 'https://evil.example/?next=https://www.cec.ro'],
    ['file:', 'file:///etc/passwd'],
    ['smb:', 'smb://attacker/share'],
    ['javascript:', 'javascript:alert(1)'],
    ['not a URL', 'www.cec.ro'],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});

describe('openExternal', () => {
  it('hands an allow-listed URL to the shell', async () => {
    await expect(openExternal('https://www.cec.ro/contact')).resolves.toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.cec.ro/contact');
  });

  it('refuses anything else, logging scheme and host only', async () => {
    const log = vi.fn();
    await expect(openExternal('https://evil.example/steal?code=abc', log)).resolves.toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('open-external: refused a URL outside the allow-list (https://evil.example)');
  });
});
