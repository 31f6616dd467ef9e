// The two ways a state computes a value: JSONPath payload templates (`key.$` fields, paths and
// intrinsics) and JSONata (`{% … %}` strings anywhere in a JSONata field's value).
import { createHash, randomUUID } from 'node:crypto';
import jsonata from 'jsonata';
import { isJsonataString } from '../../../src/core/asl/jsonata';
import { StatesError } from './errors';
import { evaluateIntrinsic, seededRandom } from './intrinsics';
import { readPath, truncate, type Json, type PathScope } from './jsonpath';

/** A JSONPath payload template: every `key.$` is replaced by what its path or intrinsic selects. */
export function evaluateTemplate(template: Json, input: Json, scope: PathScope, field: string): Json {
  if (Array.isArray(template)) return template.map((t) => evaluateTemplate(t, input, scope, field));
  if (template === null || typeof template !== 'object') return template;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$') && typeof value === 'string') {
      out[key.slice(0, -2)] = selectValue(value, input, scope, key);
    } else out[key] = evaluateTemplate(value, input, scope, field);
  }
  return out;
}

/** The value of a `.$` field: a path (`$…`, `$$…`, `$var…`) or an intrinsic function call. */
export function selectValue(text: string, input: Json, scope: PathScope, field: string): Json {
  return text.startsWith('$') ? readPath(text, input, scope, field) : evaluateIntrinsic(text, input, scope, field);
}

/** What `$states` holds while a JSONata expression runs. */
export interface JsonataStates {
  input: Json;
  context: Json;
  result?: Json;
  errorOutput?: Json;
}

type Compiled = ReturnType<typeof jsonata>;
const compiledExpressions = new Map<string, Compiled>();

/** Functions Step Functions adds to JSONata (Developer Guide, "Transforming data with JSONata"). */
function registerStepFunctionsFunctions(expr: Compiled): void {
  expr.registerFunction('partition', (array: unknown[], size: number) => {
    const out: unknown[][] = [];
    for (let i = 0; i < (array?.length ?? 0); i += size) out.push(array.slice(i, i + size));
    return out;
  }, '<an:a>');
  expr.registerFunction('range', (start: number, end: number, step: number) => {
    const out: number[] = [];
    if (!step) return out;
    for (let v = start; step > 0 ? v <= end : v >= end; v += step) out.push(v);
    return out;
  }, '<nnn:a>');
  expr.registerFunction('hash', (data: unknown, algorithm: string) => {
    const names: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
    const name = names[algorithm];
    if (!name) throw new Error(`$hash: the algorithm must be one of ${Object.keys(names).join(', ')}`);
    return createHash(name).update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex');
  }, '<xs:s>');
  expr.registerFunction('random', (seed?: number) => (seed === undefined ? Math.random() : seededRandom(seed)), '<n?:n>');
  expr.registerFunction('uuid', () => randomUUID(), '<:s>');
  expr.registerFunction('parse', (text: string) => JSON.parse(text) as unknown, '<s:x>');
}

function compile(expression: string, field: string): Compiled {
  let expr = compiledExpressions.get(expression);
  if (expr) return expr;
  try {
    expr = jsonata(expression);
  } catch (e) {
    throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${truncate(expression)}' specified for the field '${field}' is not valid: ${(e as Error).message}`);
  }
  registerStepFunctionsFunctions(expr);
  if (compiledExpressions.size > 10000) compiledExpressions.clear();
  compiledExpressions.set(expression, expr);
  return expr;
}

/** JSONata answers sequences (arrays with extra properties) and may hold functions: back to plain JSON. */
function plain(value: unknown): Json {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && typeof v !== 'function') out[k] = plain(v);
    return out;
  }
  return typeof value === 'function' ? null : (value as Json);
}

export async function evaluateJsonataExpression(expression: string, states: JsonataStates, variables: Record<string, Json>, field: string): Promise<Json> {
  const expr = compile(expression, field);
  let value: unknown;
  try {
    value = await expr.evaluate(states.input, { ...variables, states });
  } catch (e) {
    const message = (e as { message?: string }).message ?? String(e);
    throw new StatesError('States.QueryEvaluationError', `An error occurred while evaluating the JSONata expression '${truncate(expression)}' specified for the field '${field}': ${message}`);
  }
  if (value === undefined) {
    throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${truncate(expression)}' specified for the field '${field}' returned nothing (undefined).`);
  }
  return plain(value);
}

/** A JSONata field's value: every `{% … %}` string in it, at any depth, is evaluated. */
export async function evaluateJsonataValue(value: Json, states: JsonataStates, variables: Record<string, Json>, field: string): Promise<Json> {
  if (typeof value === 'string') {
    return isJsonataString(value) ? evaluateJsonataExpression(value.slice(2, -2), states, variables, field) : value;
  }
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (const item of value) out.push(await evaluateJsonataValue(item, states, variables, field));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await evaluateJsonataValue(v, states, variables, field);
    return out;
  }
  return value;
}
