// Intrinsic functions (JSONPath states only): a small parser plus the name/arity table of
// asl-facts §10. Only definite problems are reported; argument types are checked for literals only.

import { suggest } from '../suggest';
import { checkPath } from './jsonpath';

export type IntrinsicArg =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; integer: boolean }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'path'; value: string }
  | { kind: 'call'; call: IntrinsicCall };

export interface IntrinsicCall {
  name: string;
  args: IntrinsicArg[];
}

export interface IntrinsicIssue {
  severity: 'error' | 'warning';
  code: 'asl/invalid-intrinsic' | 'asl/unknown-intrinsic' | 'asl/intrinsic-arity' | 'asl/intrinsic-argument';
  message: string;
  data?: Record<string, unknown>;
}

type ArgType = 'string' | 'int' | 'positiveInt' | 'array' | 'object' | 'boolean' | 'any' | 'path';

interface Signature {
  min: number;
  max: number;
  /** Literal type per position; the last entry repeats for variadic functions. */
  args: ArgType[];
  /** Returns a string (usable in Fail ErrorPath/CausePath). */
  returnsString?: boolean;
}

export const INTRINSIC_FUNCTIONS: Readonly<Record<string, Signature>> = {
  'States.Format': { min: 1, max: Infinity, args: ['string', 'any'], returnsString: true },
  'States.StringToJson': { min: 1, max: 1, args: ['string'] },
  'States.JsonToString': { min: 1, max: 1, args: ['path'], returnsString: true },
  'States.Array': { min: 0, max: Infinity, args: ['any'] },
  'States.ArrayPartition': { min: 2, max: 2, args: ['array', 'positiveInt'] },
  'States.ArrayContains': { min: 2, max: 2, args: ['array', 'any'] },
  'States.ArrayRange': { min: 3, max: 3, args: ['int', 'int', 'int'] },
  'States.ArrayGetItem': { min: 2, max: 2, args: ['array', 'int'], returnsString: true },
  'States.ArrayLength': { min: 1, max: 1, args: ['array'] },
  'States.ArrayUnique': { min: 1, max: 1, args: ['array'] },
  'States.Base64Encode': { min: 1, max: 1, args: ['string'], returnsString: true },
  'States.Base64Decode': { min: 1, max: 1, args: ['string'], returnsString: true },
  'States.Hash': { min: 2, max: 2, args: ['any', 'string'], returnsString: true },
  'States.JsonMerge': { min: 3, max: 3, args: ['object', 'object', 'boolean'] },
  'States.MathRandom': { min: 2, max: 3, args: ['int', 'int', 'int'] },
  'States.MathAdd': { min: 2, max: 2, args: ['int', 'int'] },
  'States.StringSplit': { min: 2, max: 2, args: ['string', 'string'] },
  'States.UUID': { min: 0, max: 0, args: [], returnsString: true },
};

const HASH_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'];
const MAX_NESTED_CALLS = 10;

class SyntaxProblem extends Error {}

/** Does this string look like an intrinsic call (as opposed to a path)? */
export function looksLikeIntrinsic(text: string): boolean {
  return /^\s*[A-Za-z][A-Za-z0-9_]*\.[A-Za-z0-9._]*\s*\(/.test(text);
}

export function parseIntrinsic(text: string): IntrinsicCall | string {
  let pos = 0;
  const len = text.length;
  const ws = (): void => {
    while (pos < len && /\s/.test(text[pos])) pos++;
  };
  const call = (): IntrinsicCall => {
    ws();
    const nameStart = pos;
    while (pos < len && /[A-Za-z0-9._]/.test(text[pos])) pos++;
    const name = text.slice(nameStart, pos);
    if (!name) throw new SyntaxProblem(`A function name is expected at character ${pos + 1}.`);
    ws();
    if (text[pos] !== '(') throw new SyntaxProblem(`'(' is expected after '${name}'.`);
    pos++;
    const args: IntrinsicArg[] = [];
    ws();
    if (text[pos] === ')') {
      pos++;
      return { name, args };
    }
    while (true) {
      args.push(arg());
      ws();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ')') {
        pos++;
        return { name, args };
      }
      throw new SyntaxProblem(pos >= len ? `'${name}(' is not closed: ')' is expected.` : `',' or ')' is expected at character ${pos + 1}, found '${text[pos]}'.`);
    }
  };
  const arg = (): IntrinsicArg => {
    ws();
    const c = text[pos];
    if (c === undefined) throw new SyntaxProblem('An argument is expected before the end.');
    if (c === "'") {
      let out = '';
      pos++;
      while (true) {
        if (pos >= len) throw new SyntaxProblem('Unterminated string argument: a closing quote is missing.');
        const k = text[pos];
        if (k === '\\') {
          const next = text[pos + 1];
          if (next === "'" || next === '{' || next === '}' || next === '\\') {
            out += next === '{' || next === '}' ? '\\' + next : next;
            pos += 2;
            continue;
          }
          out += k;
          pos++;
          continue;
        }
        if (k === "'") {
          pos++;
          return { kind: 'string', value: out };
        }
        out += k;
        pos++;
      }
    }
    if (c === '$') {
      const start = pos;
      let depth = 0;
      while (pos < len) {
        const k = text[pos];
        if (k === "'" || k === '"') {
          const close = text.indexOf(k, pos + 1);
          pos = close < 0 ? len : close + 1;
          continue;
        }
        if (k === '[' || k === '(') depth++;
        else if (k === ']' || (k === ')' && depth > 0)) depth--;
        else if (depth === 0 && (k === ',' || k === ')')) break;
        pos++;
      }
      const path = text.slice(start, pos).trimEnd();
      const problem = checkPath(path, 'path', { context: true, variables: true });
      if (problem) throw new SyntaxProblem(`Argument '${path}': ${problem.message}`);
      return { kind: 'path', value: path };
    }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 40));
    if (m) {
      pos += m[0].length;
      return { kind: 'number', value: Number(m[0]), integer: !m[1] && !m[2] };
    }
    for (const [word, value] of [['true', true], ['false', false]] as const) {
      if (text.startsWith(word, pos) && !/[A-Za-z0-9_.(]/.test(text[pos + word.length] ?? '')) {
        pos += word.length;
        return { kind: 'boolean', value };
      }
    }
    if (text.startsWith('null', pos) && !/[A-Za-z0-9_.(]/.test(text[pos + 4] ?? '')) {
      pos += 4;
      return { kind: 'null' };
    }
    if (/[A-Za-z]/.test(c)) return { kind: 'call', call: call() };
    throw new SyntaxProblem(`Unexpected '${c}' at character ${pos + 1}: an argument is a 'string', a number, true, false, null, a path or a function call.`);
  };
  try {
    const result = call();
    ws();
    if (pos < len) return `Unexpected '${text.slice(pos, pos + 10)}' after the closing ')'.`;
    return result;
  } catch (e) {
    if (e instanceof SyntaxProblem) return e.message;
    throw e;
  }
}

const cache = new Map<string, { call?: IntrinsicCall; issues: IntrinsicIssue[] }>();

export function clearIntrinsicCache(): void {
  cache.clear();
}

/** Parses and checks an intrinsic call; results are cached by text (definitions repeat them). */
export function checkIntrinsic(text: string): { call?: IntrinsicCall; issues: IntrinsicIssue[] } {
  const hit = cache.get(text);
  if (hit) return hit;
  const parsed = parseIntrinsic(text);
  let result: { call?: IntrinsicCall; issues: IntrinsicIssue[] };
  if (typeof parsed === 'string') {
    result = { issues: [{ severity: 'error', code: 'asl/invalid-intrinsic', message: `Invalid intrinsic function call: ${parsed}` }] };
  } else {
    const issues: IntrinsicIssue[] = [];
    checkCall(parsed, 1, issues);
    result = { call: parsed, issues };
  }
  if (cache.size > 5000) cache.clear();
  cache.set(text, result);
  return result;
}

function checkCall(call: IntrinsicCall, depth: number, issues: IntrinsicIssue[]): void {
  if (depth === MAX_NESTED_CALLS + 1) {
    issues.push({ severity: 'error', code: 'asl/invalid-intrinsic', message: `Intrinsic functions can be nested at most ${MAX_NESTED_CALLS} deep in one field.` });
  }
  const sig = INTRINSIC_FUNCTIONS[call.name];
  if (!sig) {
    const suggestion = closestIntrinsic(call.name);
    issues.push({
      severity: 'error',
      code: 'asl/unknown-intrinsic',
      message: `'${call.name}' is not an intrinsic function.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
      data: suggestion ? { name: call.name, suggestion } : { name: call.name },
    });
  } else {
    const n = call.args.length;
    if (n < sig.min || n > sig.max) {
      const expected = sig.min === sig.max ? `${sig.min}` : sig.max === Infinity ? `at least ${sig.min}` : `${sig.min} to ${sig.max}`;
      issues.push({ severity: 'error', code: 'asl/intrinsic-arity', message: `${call.name} takes ${expected} argument${sig.max === 1 && sig.min === 1 ? '' : 's'}, not ${n}.` });
    }
    call.args.forEach((a, i) => {
      const type = sig.args[Math.min(i, sig.args.length - 1)];
      if (type) {
        const problem = literalMismatch(a, type);
        if (problem) issues.push({ severity: 'warning', code: 'asl/intrinsic-argument', message: `${call.name} argument ${i + 1} ${problem}.` });
      }
    });
    extraChecks(call, issues);
  }
  for (const a of call.args) if (a.kind === 'call') checkCall(a.call, depth + 1, issues);
}

function literalMismatch(a: IntrinsicArg, type: ArgType): string | undefined {
  if (a.kind === 'path' || a.kind === 'call') return undefined; // only known at run time
  switch (type) {
    case 'any':
      return undefined;
    case 'string':
      return a.kind === 'string' ? undefined : 'must be a string';
    case 'int':
      return a.kind === 'number' && a.integer ? undefined : 'must be an integer';
    case 'positiveInt':
      return a.kind === 'number' && a.integer && a.value > 0 ? undefined : 'must be a positive integer';
    case 'boolean':
      return a.kind === 'boolean' ? undefined : 'must be true or false';
    case 'array':
      return 'must be an array (a path or States.Array(…))';
    case 'object':
      return 'must be a JSON object (a path)';
    case 'path':
      return 'must be a path';
  }
}

function extraChecks(call: IntrinsicCall, issues: IntrinsicIssue[]): void {
  const a = call.args;
  if (call.name === 'States.Format' && a[0]?.kind === 'string') {
    const placeholders = countFormatPlaceholders(a[0].value);
    if (placeholders !== a.length - 1) {
      issues.push({ severity: 'warning', code: 'asl/intrinsic-argument', message: `States.Format template has ${placeholders} '{}' placeholder${placeholders === 1 ? '' : 's'} but ${a.length - 1} value${a.length === 2 ? '' : 's'} follow.` });
    }
  } else if (call.name === 'States.Hash' && a[1]?.kind === 'string' && !HASH_ALGORITHMS.includes(a[1].value)) {
    issues.push({ severity: 'warning', code: 'asl/intrinsic-argument', message: `States.Hash algorithm '${a[1].value}' is not one of ${HASH_ALGORITHMS.join(', ')}.` });
  } else if (call.name === 'States.ArrayRange' && a[2]?.kind === 'number' && a[2].value === 0) {
    issues.push({ severity: 'warning', code: 'asl/intrinsic-argument', message: 'States.ArrayRange step must not be 0.' });
  } else if (call.name === 'States.ArrayRange' && a[0]?.kind === 'number' && a[1]?.kind === 'number' && a[2]?.kind === 'number' && a[2].value !== 0) {
    const count = Math.floor((a[1].value - a[0].value) / a[2].value) + 1;
    if (count > 1000) issues.push({ severity: 'warning', code: 'asl/intrinsic-argument', message: `States.ArrayRange would produce ${count} items; at most 1000 are allowed.` });
  }
}

/** Counts unescaped `{}` pairs (the parser keeps `\{` / `\}` escaped in the value). */
function countFormatPlaceholders(template: string): number {
  let n = 0;
  for (let i = 0; i < template.length; i++) {
    if (template[i] === '\\') i++;
    else if (template[i] === '{' && template[i + 1] === '}') {
      n++;
      i++;
    }
  }
  return n;
}

function closestIntrinsic(name: string): string | undefined {
  const names = Object.keys(INTRINSIC_FUNCTIONS);
  // `Format(…)` for `States.Format(…)`: the prefix is the usual slip.
  return names.find((n) => n.toLowerCase() === `states.${name.toLowerCase()}`) ?? suggest(name, names);
}
