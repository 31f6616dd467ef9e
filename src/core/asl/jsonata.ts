// JSONata expressions in `{% … %}` strings: syntax via the jsonata package's own parser, plus the
// reference rules Step Functions adds ($states.result / $states.errorOutput placement, no top-level
// field names, `$` or `$$`). Results are cached by expression text: definitions repeat expressions.

import jsonata from 'jsonata';

export interface JsonataAnalysis {
  /** Parse failure message (INVALID_JSONATA_EXPRESSION), if any. */
  syntaxError?: string;
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
  }
  if (cache.size > 20000) cache.clear();
  cache.set(expression, result);
  return result;
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
