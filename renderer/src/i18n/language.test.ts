import { describe, expect, it } from 'vitest';
import { localeFor, resolveLanguage } from './language.js';

describe('resolveLanguage', () => {
  it('keeps an explicit choice', () => {
    expect(resolveLanguage('en', ['ro-RO'])).toBe('en');
    expect(resolveLanguage('ro', ['en-US'])).toBe('ro');
  });

  it('shows Romanian on a Romanian system and English elsewhere', () => {
    expect(resolveLanguage('system', ['ro-RO', 'en-US'])).toBe('ro');
    expect(resolveLanguage('system', ['ro'])).toBe('ro');
    expect(resolveLanguage('system', ['en-US', 'ro-RO'])).toBe('en');
    expect(resolveLanguage('system', ['de-DE'])).toBe('en');
    expect(resolveLanguage(undefined, ['fr-FR'])).toBe('en');
  });
});

describe('localeFor', () => {
  it('formats Romanian as ro-RO and English in the system’s English, else en-GB', () => {
    expect(localeFor('ro', ['en-US'])).toBe('ro-RO');
    expect(localeFor('en', ['de-DE', 'en-IE'])).toBe('en-IE');
    expect(localeFor('en', ['ro-RO'])).toBe('en-GB');
  });
});
