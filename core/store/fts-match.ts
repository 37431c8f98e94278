/**
 * A person's search text as an FTS5 query that cannot fail: every word is quoted, so quotes,
 * `AND`/`OR`/`NOT`, `*`, `^`, `:` and parentheses in what they typed are only text, and every
 * word is a prefix, so the list narrows as they type ("kauf" finds KAUFLAND). Case and
 * diacritics are the tokenizer's (`unicode61 remove_diacritics 2`): "bucuresti" finds "București".
 * Undefined when the text holds no word to look for.
 */
export function toFtsMatch(text: string): string | undefined {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (words === null) return undefined;
  return words.slice(0, MAX_WORDS).map((w) => `"${w}"*`).join(' ');
}

/** More words than anyone types into a search box; bounds the query the store runs. */
const MAX_WORDS = 16;

/**
 * The transaction id of a text index entry, in SQL: the index is keyed by `search_key`, the
 * row's day above its id (schema step 8), and the id is the key's low 32 bits.
 */
export const ENTRY_ID = 'rowid & 4294967295';
