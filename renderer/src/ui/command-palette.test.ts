import { defaultFilter } from 'cmdk';
import { describe, expect, it } from 'vitest';
import { isPaletteKey, paletteFilter } from './command-palette.js';

const key = (over: Partial<KeyboardEvent>) => ({ key: 'k', ctrlKey: false, metaKey: false, altKey: false, ...over });

describe('the command palette', () => {
  it('opens on Ctrl+K and Cmd+K, not on a bare K or Ctrl+Alt+K', () => {
    expect(isPaletteKey(key({ ctrlKey: true }))).toBe(true);
    expect(isPaletteKey(key({ metaKey: true, key: 'K' }))).toBe(true);
    expect(isPaletteKey(key({}))).toBe(false);
    expect(isPaletteKey(key({ ctrlKey: true, altKey: true }))).toBe(false);
  });

  it('finds a name typed without its diacritics, as cmdk alone does not', () => {
    expect(defaultFilter('screen /transactions Tranzacții', 'tranzactii')).toBe(0);
    expect(paletteFilter('screen /transactions Tranzacții', 'tranzactii')).toBeGreaterThan(0);
    expect(paletteFilter('action theme-dark Aspect întunecat', 'intunecat')).toBeGreaterThan(0);
    expect(paletteFilter('screen /settings Setări', 'tranzactii')).toBe(0);
  });
});
