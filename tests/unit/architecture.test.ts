/**
 * The house's rules that ESLint cannot see: no import circles, nothing the content script's scan
 * pipeline reaches carries the popup's search (both about the whole import graph), and no function
 * that needs a scroll bar to read.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  return relative(ROOT, base);
}

/** Every source file with what it imports: project files as paths from the root, packages by name. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(IMPORT)].map((match) => (match[1] ?? match[2]) as string);
    graph.set(relative(ROOT, file), specs.map((spec) => resolveImport(file, spec)));
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = graph.has(next) ? visit(next) : null;
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function reachable(graph: Map<string, string[]>, from: string): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length > 0) {
    const node = todo.pop() as string;
    if (seen.has(node)) continue;
    seen.add(node);
    todo.push(...(graph.get(node) ?? []));
  }
  return seen;
}

describe('the import graph', () => {
  const graph = importGraph();

  it('reads the real sources', () => {
    expect(graph.get('lib/scan/scanner.ts')).toContain('lib/scan/walk.ts');
  });

  it('has no import circles', () => {
    expect(findCycle(graph)).toBeNull();
  });

  it('finds a circle when there is one', () => {
    const circular = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'preact']],
      ['c.ts', ['a.ts']],
    ]);
    expect(findCycle(circular)).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
  });

  it('keeps search out of everything the scan pipeline and the content script reach', () => {
    const starts = [...graph.keys()].filter((file) => file.startsWith('lib/scan/') || file.startsWith('entrypoints/content/'));
    for (const start of starts) {
      const reached = reachable(graph, start);
      const search = (file: string) => file.endsWith('glossary/search-index.ts') || file.startsWith('lib/glossary/search/') || file === 'fuse.js';
      expect([...reached].filter(search), start).toEqual([]);
    }
  });

  it('keeps lib/ free of Preact', () => {
    for (const [file, imports] of graph) {
      if (file.startsWith('lib/')) expect(imports.filter((spec) => spec.startsWith('preact')), file).toEqual([]);
    }
  });
});

/** A function longer than this is several functions (a screen of code, read without scrolling). */
const MAX_FUNCTION_LINES = 80;

/** Every function with a body, with its name (or the variable it is assigned to) and its length in lines. */
function functionLengths({ file, text }: { file: string; text: string }): { name: string; lines: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { name: string; lines: number }[] = [];
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line;
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const named = (node as ts.FunctionLikeDeclaration).name ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name : undefined);
      found.push({ name: `${file}:${lineOf(node.getStart()) + 1} ${named?.getText() ?? '(anonymous)'}`, lines: lineOf(node.getEnd()) - lineOf(node.getStart()) + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('function length', () => {
  it(`keeps every function in lib/, components/ and entrypoints/ within ${MAX_FUNCTION_LINES} lines`, () => {
    const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    const lengths = files.flatMap((file) => functionLengths({ file: relative(ROOT, file), text: readFileSync(file, 'utf8') }));
    expect(lengths.some((f) => f.name.includes('lib/scan/scanner.ts'))).toBe(true);
    expect(lengths.filter((f) => f.lines > MAX_FUNCTION_LINES)).toEqual([]);
  });

  it('measures a function from its first line to its last', () => {
    const text = ['export function short() {', '  return 1;', '}', 'const arrow = () => {', ...Array(99).fill('  void 0;'), '};'].join('\n');
    expect(functionLengths({ file: 'x.ts', text })).toEqual([
      { name: 'x.ts:1 short', lines: 3 },
      { name: 'x.ts:4 arrow', lines: 101 },
    ]);
  });
});
