/** Character codes of JSON's syntax, for the scanners that read a bank's answer text by `charCodeAt`. */
export const QUOTE = 34;
export const BACKSLASH = 92;
export const COLON = 58;
export const MINUS = 45;
export const ZERO = 48;
export const NINE = 57;
export const OPEN_OBJECT = 123;
export const CLOSE_OBJECT = 125;
export const OPEN_ARRAY = 91;
export const CLOSE_ARRAY = 93;
