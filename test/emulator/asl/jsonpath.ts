// JSONPath evaluation for the interpreter: reading Paths (with `$$` context and `$name`
// variables) and writing ResultPath. Definite paths (names and indexes only, by far the commonest)
// are walked directly; anything with a filter, wildcard, slice, union or deep scan goes to
// jsonpath-plus and answers a list, as Jayway (the library Step Functions uses) does.
import { JSONPath } from 'jsonpath-plus';
import { StatesError, runtimeError } from './errors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface PathScope {
  /** The context object (`$$`). */
  context: Json;
  /** Workflow variables (`$name`). */
  variables: Record<string, Json>;
}

type Step = string | number;

export const MISSING_VALUE: unique symbol = Symbol('missing value');
type Compiled = { root: 'input' | 'context' | { variable: string }; steps: Step[] } | { root: 'input' | 'context' | { variable: string }; indefinite: string };

const compiled = new Map<string, Compiled | string>();

/** Splits a path into its root and steps; a string is a syntax error to report. */
function compile(path: string): Compiled | string {
  const hit = compiled.get(path);
  if (hit !== undefined) return hit;
  const result = parse(path);
  if (compiled.size > 10000) compiled.clear();
  compiled.set(path, result);
  return result;
}

function parse(path: string): Compiled | string {
  if (!path.startsWith('$')) return `'${path}' is not a path: a path starts with '$'.`;
  let pos = 1;
  let root: Compiled['root'] = 'input';
  if (path[1] === '$') {
    root = 'context';
    pos = 2;
  } else if (pos < path.length && path[pos] !== '.' && path[pos] !== '[') {
    const end = path.slice(pos).search(/[.[]/);
    const name = end < 0 ? path.slice(pos) : path.slice(pos, pos + end);
    root = { variable: name };
    pos += name.length;
  }
  const steps: Step[] = [];
  const rest = path.slice(pos);
  const step = /^(?:\.([^.[\]()'"?*@,:\s]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\])/;
  let text = rest;
  while (text.length) {
    const m = step.exec(text);
    if (!m) return { root, indefinite: '$' + rest };
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push((m[3] ?? m[4]).replace(/\\(.)/g, '$1'));
    text = text.slice(m[0].length);
  }
  return { root, steps };
}

export function isDefinitePath(path: string): boolean {
  const c = compile(path);
  return typeof c !== 'string' && 'steps' in c;
}

function rootValue(c: Compiled, input: Json, scope: PathScope, path: string): Json {
  if (c.root === 'input') return input;
  if (c.root === 'context') return scope.context;
  const name = c.root.variable;
  if (!(name in scope.variables)) throw runtimeError(`The variable '$${name}' in the path '${path}' is not defined.`);
  return scope.variables[name];
}

function walk(value: Json, steps: Step[]): Json | typeof MISSING_VALUE {
  let v: Json | undefined = value;
  for (const s of steps) {
    if (typeof s === 'number') {
      if (!Array.isArray(v) || s >= v.length) return MISSING_VALUE;
      v = v[s];
    } else {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, s)) return MISSING_VALUE;
      v = (v as Record<string, Json>)[s];
    }
  }
  return v as Json;
}

/**
 * The value a Path selects. A definite path that selects nothing throws States.Runtime with the
 * service's sentence, naming the field (tryReadPath answers MISSING_VALUE instead).
 */
export function readPath(path: string, input: Json, scope: PathScope, field: string): Json {
  const value = tryReadPath(path, input, scope);
  if (value === MISSING_VALUE) {
    const where = path.startsWith('$$') ? 'the context object' : `the input '${truncate(JSON.stringify(input))}'`;
    throw runtimeError(`The JSONPath '${path}' specified for the field '${field}' could not be found in ${where}`);
  }
  return value as Json;
}

export function tryReadPath(path: string, input: Json, scope: PathScope): Json | typeof MISSING_VALUE {
  const c = compile(path);
  if (typeof c === 'string') throw runtimeError(c);
  const root = rootValue(c, input, scope, path);
  if ('steps' in c) {
    return walk(root, c.steps);
  }
  try {
    return JSONPath({ path: c.indefinite, json: root as object, wrap: true, eval: 'safe' }) as Json;
  } catch (e) {
    throw runtimeError(`The JSONPath '${path}' could not be evaluated: ${(e as Error).message}`);
  }
}

/** ResultPath: `$` replaces, `null` discards, `$.a.b` merges into a copy of the input. */
export function applyResultPath(resultPath: string | null | undefined, input: Json, result: Json): Json {
  if (resultPath === null) return input;
  if (resultPath === undefined || resultPath === '$') return result;
  const c = compile(resultPath);
  if (typeof c === 'string' || c.root !== 'input' || !('steps' in c)) {
    throw new StatesError('States.ResultPathMatchFailure', `'${resultPath}' is not a reference path ResultPath can write to.`);
  }
  const copy = structuredClone(input);
  if (copy === null || typeof copy !== 'object') {
    throw new StatesError('States.ResultPathMatchFailure', `Unable to apply ResultPath '${resultPath}' to the input '${truncate(JSON.stringify(input))}': it is not a JSON object.`);
  }
  let target: Json = copy;
  c.steps.forEach((s, i) => {
    const last = i === c.steps.length - 1;
    const holder = target as Record<string | number, Json>;
    if (typeof s === 'number' ? !Array.isArray(target) : target === null || typeof target !== 'object' || Array.isArray(target)) {
      throw new StatesError('States.ResultPathMatchFailure', `Unable to apply ResultPath '${resultPath}' to the input '${truncate(JSON.stringify(input))}'.`);
    }
    if (last) holder[s] = result;
    else {
      if (holder[s] === undefined || holder[s] === null || typeof holder[s] !== 'object') holder[s] = {};
      target = holder[s];
    }
  });
  return copy;
}

export function truncate(text: string, max = 256): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
