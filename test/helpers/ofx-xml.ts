import { createRequire } from 'node:module';

/**
 * A real XML parser for reading our OFX back: @xmldom/xmldom, which the project already has
 * (through electron-builder). It is loaded untyped on purpose: its typings reference the DOM lib,
 * which would then apply to the whole program and hide DOM use in core/ from the typecheck.
 */
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as { DOMParser: new (options: unknown) => { parseFromString(text: string, type: string): any } };

export interface XmlElement {
  tagName: string;
  textContent: string | null;
  parentNode: XmlElement | null;
  childNodes: ArrayLike<XmlElement & { nodeType: number }>;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

export interface XmlDocument {
  documentElement: XmlElement;
  /** The processing instructions before the root, as "target data". */
  instructions: string[];
}

/** Characters XML 1.0 forbids anywhere in a document. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** An '&' that starts no entity or character reference. */
const BARE_AMPERSAND = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/**
 * Parses XML strictly: any warning or error of the parser fails the test. xmldom lets forbidden
 * characters and a bare '&' through, so those two well-formedness rules are checked here first.
 */
export function parseXml(text: string): XmlDocument {
  const forbidden = FORBIDDEN.exec(text);
  if (forbidden !== null) throw new Error(`XML: forbidden character U+${forbidden[0].charCodeAt(0).toString(16)} at ${forbidden.index}`);
  const ampersand = BARE_AMPERSAND.exec(text);
  if (ampersand !== null) throw new Error(`XML: bare '&' at ${ampersand.index}`);
  const fail = (level: string) => (message: string) => {
    throw new Error(`XML ${level}: ${message}`);
  };
  const doc = new DOMParser({ errorHandler: { warning: fail('warning'), error: fail('error'), fatalError: fail('fatal error') } })
    .parseFromString(text, 'text/xml');
  const instructions: string[] = [];
  for (let n = doc.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 7) instructions.push(`${n.target} ${n.data}`);
  return { documentElement: doc.documentElement, instructions };
}

/** The element children of `el`, by tag name. */
export const children = (el: XmlElement): XmlElement[] => Array.from(el.childNodes).filter((n) => n.nodeType === 1);
export const tags = (el: XmlElement): string[] => children(el).map((c) => c.tagName);
export const all = (el: XmlElement, name: string): XmlElement[] => Array.from(el.getElementsByTagName(name));

/** The text of the one child `name` of `el`; fails when there is none or more than one. */
export function field(el: XmlElement, name: string): string {
  const found = children(el).filter((c) => c.tagName === name);
  if (found.length !== 1) throw new Error(`${el.tagName} has ${found.length} ${name}`);
  return found[0]!.textContent ?? '';
}
