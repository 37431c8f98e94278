/**
 * "No string is hard-coded in a component": every text a person reads comes from the
 * translations. This walks each component's syntax tree for JSX text and for the attributes a
 * person reads or hears (labels, titles, placeholders) written as literals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER = join(ROOT, 'renderer/src');
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);
/** A letter in any script: punctuation, digits and symbols alone (·, →, 100%) are not words. */
const WORDS = /\p{L}/u;

function hardCodedTexts(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${at(node)} ${JSON.stringify(node.text.trim())}`);
    // `{'Conturi'}` as a child is JSX text in disguise.
    if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && node.expression !== undefined
      && (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression)) && WORDS.test(node.expression.text)) {
      found.push(`${at(node)} ${JSON.stringify(node.expression.text)}`);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      const literal = value !== undefined && ts.isStringLiteral(value) ? value
        : value !== undefined && ts.isJsxExpression(value) && value.expression !== undefined && (ts.isStringLiteral(value.expression) || ts.isNoSubstitutionTemplateLiteral(value.expression)) ? value.expression
          : undefined;
      if (literal !== undefined && WORDS.test(literal.text)) found.push(`${at(node)} ${node.name.getText(file)}=${JSON.stringify(literal.text)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const components = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return components(path);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : [];
  });

describe('renderer components', () => {
  it('write no text a person reads as a literal: it comes from the translations', () => {
    const found = components(RENDERER).flatMap((path) => hardCodedTexts(relative(ROOT, path), readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check finds JSX text and read attributes, and lets symbols and translated texts pass', () => {
    const probe = `export const A = () => (
      <div>
        <h2>Conturi</h2>
        <button aria-label="Închide">×</button>
        <input placeholder={'ex. CEC'} />
        <p>{t('x')} · 100%</p>
        <p>{'Sold'}</p>
        <span className="not-read">{t('y')}</span>
      </div>
    );`;
    expect(hardCodedTexts('probe.tsx', probe)).toEqual(['probe.tsx:3 "Conturi"', 'probe.tsx:4 aria-label="Închide"', 'probe.tsx:5 placeholder="ex. CEC"', 'probe.tsx:7 "Sold"']);
  });
});
