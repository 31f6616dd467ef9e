// JSONata expressions in `{% … %}` strings: syntax via the jsonata package's own parser, plus the
// reference rules Step Functions adds ($states.result / $states.errorOutput placement, no top-level
// field names, `$` or `$$`). Results are cached by expression text: definitions repeat expressions.

// Required on first use: most definitions have no JSONata, and the package's start-up is a few
// milliseconds of a fresh process (scripts/bench/cli.mjs).
let jsonataPackage: typeof import('jsonata') | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsonata = (expression: string) => (jsonataPackage ??= require('jsonata') as typeof import('jsonata'))(expression);

export interface JsonataAnalysis {
  /** Parse failure message (INVALID_JSONATA_EXPRESSION), if any. */
  syntaxError?: string;
  /** Where in the expression the parser stopped (offset of the character after the bad token). */
  errorPosition?: number;
  /** Top-level references AWS rejects (UNSUPPORTED_JSONATA_EXPRESSION). */
  topLevelReferences: string[];
  usesResult: boolean;
  usesErrorOutput: boolean;
}

/** `{% … %}` exactly, without outer whitespace (outer whitespace makes it a literal). */
export function isJsonataString(value: string): boolean {
  return value.length >= 4 && value.charCodeAt(0) === 123 && value.charCodeAt(1) === 37 && value.endsWith('%}');
}

/** Starts like an expression but is never closed. */
export function isUnterminatedJsonata(value: string): boolean {
  return value.startsWith('{%') && !value.endsWith('%}');
}

interface AstNode {
  type: string;
  value?: unknown;
  steps?: AstNode[];
  stages?: AstNode[];
  predicate?: AstNode[];
  lhs?: AstNode | AstNode[][];
  rhs?: AstNode;
  expressions?: AstNode[];
  arguments?: AstNode[];
  procedure?: AstNode;
  condition?: AstNode;
  then?: AstNode;
  else?: AstNode;
  body?: AstNode;
  expr?: AstNode;
  group?: { lhs: AstNode[][] };
  pattern?: AstNode;
  update?: AstNode;
  delete?: AstNode;
}

const cache = new Map<string, JsonataAnalysis>();

export function clearJsonataCache(): void {
  cache.clear();
}

/** `$name.field.field`: the commonest expression, read without the full parser. */
const SIMPLE_VARIABLE_PATH = /^\s*\$([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*$/;
const OPERATOR_WORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

export function analyzeJsonata(expression: string): JsonataAnalysis {
  const hit = cache.get(expression);
  if (hit) return hit;
  const result: JsonataAnalysis = { topLevelReferences: [], usesResult: false, usesErrorOutput: false };
  const simple = SIMPLE_VARIABLE_PATH.exec(expression);
  const steps = simple ? simple[2].split('.').slice(1) : undefined;
  if (simple && steps && !steps.some((s) => OPERATOR_WORDS.has(s))) {
    if (simple[1] === 'states' && steps[0] === 'result') result.usesResult = true;
    if (simple[1] === 'states' && steps[0] === 'errorOutput') result.usesErrorOutput = true;
    cache.set(expression, result);
    return result;
  }
  try {
    const ast = jsonata(expression).ast() as unknown as AstNode;
    walk(ast, true, result);
  } catch (e) {
    const err = e as { message?: string; position?: number; token?: string };
    result.syntaxError = `${err.message ?? 'Syntax error'}${typeof err.position === 'number' ? ` (at character ${err.position})` : ''}`;
    if (typeof err.position === 'number') result.errorPosition = err.position;
  }
  if (cache.size > 20000) cache.clear();
  cache.set(expression, result);
  return result;
}

/**
 * Analyzes many expressions at once. The jsonata parser rebuilds its symbol table on every call,
 * which costs more than parsing a typical expression, so uncached expressions are parsed together
 * as `[(e1),(e2),…]`. A batch result is used for an expression only when its element is a block
 * holding exactly one expression whose tokens all lie inside that expression's own text; anything
 * else (a batch that fails, `;` sequences, unbalanced brackets) is parsed on its own, so the
 * analysis is the same as analyzeJsonata's.
 */
export function analyzeJsonataAll(expressions: Iterable<string>): void {
  const pending: string[] = [];
  const queued = new Set<string>();
  for (const e of expressions) {
    if (cache.has(e) || queued.has(e)) continue;
    if (SIMPLE_VARIABLE_PATH.test(e)) {
      analyzeJsonata(e);
      continue;
    }
    queued.add(e);
    pending.push(e);
  }
  for (let i = 0; i < pending.length; i += BATCH_SIZE) parseBatch(pending.slice(i, i + BATCH_SIZE));
}

const BATCH_SIZE = 200;

function parseBatch(list: string[]): void {
  if (list.length <= 1) {
    for (const e of list) analyzeJsonata(e);
    return;
  }
  let text = '[';
  const segments: [number, number][] = [];
  for (const e of list) {
    if (segments.length) text += ',';
    const start = text.length;
    text += `(${e})`;
    segments.push([start, text.length]);
  }
  text += ']';
  let ast: AstNode | undefined;
  try {
    ast = jsonata(text).ast() as unknown as AstNode;
  } catch {
    ast = undefined;
  }
  if (!ast || ast.type !== 'unary' || ast.value !== '[' || ast.expressions?.length !== list.length) {
    const half = list.length >> 1;
    parseBatch(list.slice(0, half));
    parseBatch(list.slice(half));
    return;
  }
  list.forEach((expression, i) => {
    const block = ast.expressions![i];
    const [start, end] = segments[i];
    if (block.type !== 'block' || block.expressions?.length !== 1 || !positionsWithin(block, start, end)) {
      analyzeJsonata(expression);
      return;
    }
    const result: JsonataAnalysis = { topLevelReferences: [], usesResult: false, usesErrorOutput: false };
    walk(block.expressions[0], true, result);
    cache.set(expression, result);
  });
}

/** Every token position in the subtree is inside (start, end]. */
function positionsWithin(node: unknown, start: number, end: number, seen = new Set<unknown>()): boolean {
  if (!node || typeof node !== 'object' || seen.has(node)) return true;
  seen.add(node);
  // Index and for-in loops, no entries arrays: this visits every node of every expression's tree.
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) if (!positionsWithin(node[i], start, end, seen)) return false;
    return true;
  }
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (key === 'position') {
      if (typeof value === 'number' && (value <= start || value > end)) return false;
    } else if (value && typeof value === 'object' && !positionsWithin(value, start, end, seen)) return false;
  }
  return true;
}

function walk(node: AstNode | undefined, top: boolean, out: JsonataAnalysis): void {
  if (!node || typeof node !== 'object') return;
  switch (node.type) {
    case 'path': {
      const steps = node.steps ?? [];
      const first = steps[0];
      if (first?.type === 'variable' && first.value === 'states' && steps[1]?.type === 'name') {
        if (steps[1].value === 'result') out.usesResult = true;
        if (steps[1].value === 'errorOutput') out.usesErrorOutput = true;
      }
      steps.forEach((step, i) => walkStep(step, top && i === 0, out));
      return;
    }
    case 'name':
      if (top) addTopLevel(out, String(node.value));
      walkStages(node, out);
      return;
    case 'variable':
      if (top && node.value === '') addTopLevel(out, '$');
      else if (top && node.value === '$') addTopLevel(out, '$$');
      walkStages(node, out);
      return;
    case 'lambda':
      // the body runs with its own arguments as context
      walk(node.body, false, out);
      return;
    default:
      break;
  }
  if (Array.isArray(node.lhs)) {
    for (const pair of node.lhs) for (const part of pair) walk(part, top, out);
  } else walk(node.lhs, top, out);
  walk(node.rhs, top, out);
  node.expressions?.forEach((e) => walk(e, top, out));
  node.arguments?.forEach((e) => walk(e, top, out));
  walk(node.procedure, top, out);
  walk(node.condition, top, out);
  walk(node.then, top, out);
  walk(node.else, top, out);
  walk(node.pattern, top, out);
  walk(node.update, top, out);
  walk(node.delete, top, out);
  walk(node.expr, false, out);
  walkStages(node, out);
}

function walkStep(step: AstNode, top: boolean, out: JsonataAnalysis): void {
  if (step.type === 'name') {
    if (top) addTopLevel(out, String(step.value));
    walkStages(step, out);
    return;
  }
  walk(step, top, out);
}

/** Predicates, filters and group-by run against each item: names there are item fields. */
function walkStages(node: AstNode, out: JsonataAnalysis): void {
  node.stages?.forEach((s) => walk(s.expr ?? s, false, out));
  node.predicate?.forEach((s) => walk(s.expr ?? s, false, out));
  if (node.group) for (const pair of node.group.lhs) for (const part of pair) walk(part, false, out);
}

function addTopLevel(out: JsonataAnalysis, name: string): void {
  if (!out.topLevelReferences.includes(name)) out.topLevelReferences.push(name);
}
