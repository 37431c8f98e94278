/** Anything outside printable ASCII: only such a text can hold a letter with a diacritic. */
const NON_ASCII = /[^ -~]/;
const MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/**
 * A text as the words a category rule compares: lower case, diacritics taken off ("ș" and the
 * older cedilla "ş" are both "s"), split at everything that is not a letter or digit, so
 * "E.ON" is `e on` and "Mega-Image" is `mega image`. Statements are mostly ASCII, which skips the
 * Unicode decomposition: this runs for every transaction a sync stores.
 */
export function matchWords(text: string): string[] {
  const folded = NON_ASCII.test(text) ? text.normalize('NFD').replace(MARKS, '') : text;
  const words = folded.toLowerCase().split(SEPARATORS);
  // split leaves an empty word where the text starts or ends with a separator.
  if (words[0] === '') words.shift();
  if (words.at(-1) === '') words.pop();
  return words;
}
