// `node scripts/unused-exports.mjs`: the exports no other module imports (static imports,
// `export … from`, `import()` and `import('…')` types, followed through `export *` barrels).
// Entry points and tests are not reported. A name listed here is dead, or used only in its own
// file and needs no `export`; exported types that describe an exported signature may stay.
import ts from 'typescript';
import path from 'node:path';
import process from 'node:process';
const root = process.cwd();
const files = [];
for (const cfg of ['tsconfig.json', 'renderer/tsconfig.json', 'electron.tsconfig.json']) {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, cfg), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  files.push(...parsed.fileNames);
}
const all = [...new Set(files)].filter((f) => !f.includes('node_modules'));
const program = ts.createProgram(all, { allowJs: false, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, jsx: ts.JsxEmit.ReactJSX, noEmit: true, skipLibCheck: true });
const checker = program.getTypeChecker();
const used = new Map(); // file -> Set(names) | '*'
const mark = (file, name) => { if (!used.has(file)) used.set(file, new Set()); used.get(file).add(name); };
const resolve = (from, spec) => {
  const r = ts.resolveModuleName(spec, from, program.getCompilerOptions(), ts.sys);
  return r.resolvedModule?.resolvedFileName;
};
const starOf = new Map(); // file -> [files it export-*s]
for (const sf of program.getSourceFiles()) {
  if (sf.fileName.includes('node_modules')) continue;
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolve(sf.fileName, node.moduleSpecifier.text);
      if (target) {
        if (ts.isImportDeclaration(node)) {
          const c = node.importClause;
          if (c?.name) mark(target, 'default');
          if (c?.namedBindings && ts.isNamespaceImport(c.namedBindings)) mark(target, '*');
          if (c?.namedBindings && ts.isNamedImports(c.namedBindings)) for (const e of c.namedBindings.elements) mark(target, (e.propertyName ?? e.name).text);
        } else {
          if (!node.exportClause) { (starOf.get(sf.fileName) ?? starOf.set(sf.fileName, []).get(sf.fileName)).push(target); }
          else if (ts.isNamedExports(node.exportClause)) for (const e of node.exportClause.elements) mark(target, (e.propertyName ?? e.name).text);
        }
      }
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const target = resolve(sf.fileName, node.arguments[0].text);
      if (target) mark(target, '*');
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const target = resolve(sf.fileName, node.argument.literal.text);
      if (target) mark(target, node.qualifier ? node.qualifier.getText(sf).split('.')[0] : '*');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
// propagate names used on a barrel to the files it export-*s
let changed = true;
while (changed) {
  changed = false;
  for (const [barrel, targets] of starOf) {
    const names = used.get(barrel); if (!names) continue;
    for (const t of targets) for (const n of names) { if (!used.get(t)?.has(n)) { mark(t, n); changed = true; } }
  }
}
const entry = /(^|\/)(main\/index|preload\/index|host\/cli|sandbox\/cli|renderer\/src\/main|vite\.config|vitest\.config)\.tsx?$|^(scripts|bench)\//;
for (const sf of program.getSourceFiles()) {
  const rel = path.relative(root, sf.fileName);
  if (rel.startsWith('node_modules') || rel.startsWith('..') || entry.test(rel) || /\.test\.tsx?$/.test(rel)) continue;
  const sym = checker.getSymbolAtLocation(sf); if (!sym) continue;
  const names = used.get(sf.fileName) ?? new Set();
  if (names.has('*')) continue;
  for (const ex of checker.getExportsOfModule(sym)) {
    if (!names.has(ex.name)) process.stdout.write(`${rel}\t${ex.name}\n`);
  }
}
