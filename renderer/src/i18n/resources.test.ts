import { describe, expect, it } from 'vitest';
import { LANGUAGES, NAMESPACES, resources, type Language } from './resources.js';

type Tree = { [key: string]: string | Tree };

/** Every leaf as "namespace:path.to.key" → text. */
function leaves(tree: Tree, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix.endsWith(':') ? `${prefix}${key}` : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const texts = (language: Language) => {
  const all = new Map<string, string>();
  for (const ns of NAMESPACES) for (const [k, v] of leaves(resources[language][ns] as unknown as Tree, `${ns}:`)) all.set(k, v);
  return all;
};

describe('the translations', () => {
  it('have every key in both languages, and no empty text', () => {
    const ro = texts('ro');
    for (const language of LANGUAGES) {
      const other = texts(language);
      expect([...ro.keys()].filter((k) => !other.has(k)), `missing in ${language}`).toEqual([]);
      expect([...other.keys()].filter((k) => !ro.has(k)), `only in ${language}`).toEqual([]);
      expect([...other].filter(([, v]) => v.trim() === '').map(([k]) => k), `empty in ${language}`).toEqual([]);
    }
  });

  it('give each plural key the forms its language needs', () => {
    for (const language of LANGUAGES) {
      const keys = [...texts(language).keys()];
      const bases = new Set(keys.filter((k) => /_(one|few|other)$/.test(k)).map((k) => k.replace(/_(one|few|other)$/, '')));
      const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const base of bases) for (const form of forms) expect(keys, `${base}_${form} (${language})`).toContain(`${base}_${form}`);
    }
  });

  it('write Romanian with comma-below ș and ț, never the cedilla look-alikes', () => {
    const wrong = [...texts('ro')].filter(([, v]) => /[şţŞŢ]/.test(v)).map(([k]) => k);
    expect(wrong).toEqual([]);
  });

  it('write Romanian with its diacritics where the words need them', () => {
    // The old screens wrote these without diacritics; each is a word that has them.
    const bare = /\b(Tranzactii|Conecteaza|Setari|Reinnoieste|Revoca|Sterge|Anuleaza|Inchide|Reincearca|banca nu raspunde)\b/i;
    const wrong = [...texts('ro')].filter(([, v]) => bare.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(wrong).toEqual([]);
  });
});
