/**
 * The shape an English namespace must have: every key of the Romanian one (the source), each a
 * string. A key missing in English fails the typecheck; `resources.test.ts` checks both ways at
 * run time, for what the type cannot see.
 */
export type Translation<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
