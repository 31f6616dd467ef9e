// Evaluating intrinsic functions (JSONPath states). Parsing is core's (src/core/asl/intrinsics);
// this answers what each call returns, or States.IntrinsicFailure with a sentence.
import { createHash, randomUUID } from 'node:crypto';
import { parseIntrinsic, type IntrinsicArg, type IntrinsicCall } from '../../../src/core/asl/intrinsics';
import { StatesError } from './errors';
import { readPath, type Json, type PathScope } from './jsonpath';

const failure = (name: string, why: string) => new StatesError('States.IntrinsicFailure', `Invalid arguments in ${name}: ${why}`);
const parsed = new Map<string, IntrinsicCall>();

export function evaluateIntrinsic(text: string, input: Json, scope: PathScope, field: string): Json {
  let call = parsed.get(text);
  if (!call) {
    const result = parseIntrinsic(text);
    if (typeof result === 'string') throw new StatesError('States.IntrinsicFailure', `The intrinsic function '${text}' in the field '${field}' is not valid: ${result}`);
    call = result;
    if (parsed.size > 5000) parsed.clear();
    parsed.set(text, call);
  }
  return run(call, input, scope, field);
}

function argValue(arg: IntrinsicArg, input: Json, scope: PathScope, field: string): Json {
  switch (arg.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return arg.value;
    case 'null':
      return null;
    case 'path':
      return readPath(arg.value, input, scope, field);
    case 'call':
      return run(arg.call, input, scope, field);
  }
}

function run(call: IntrinsicCall, input: Json, scope: PathScope, field: string): Json {
  const args = call.args.map((a) => argValue(a, input, scope, field));
  const fn = FUNCTIONS[call.name];
  if (!fn) throw new StatesError('States.IntrinsicFailure', `'${call.name}' is not an intrinsic function.`);
  return fn(args, call.name);
}

const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
const sameJson = (a: Json, b: Json) => stableStringify(a) === stableStringify(b);

function stableStringify(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

function arity(args: Json[], name: string, min: number, max = min): void {
  if (args.length < min || args.length > max) throw failure(name, `it takes ${min === max ? min : `${min} to ${max}`} arguments, not ${args.length}.`);
}

function asArray(v: Json, name: string, which: string): Json[] {
  if (!Array.isArray(v)) throw failure(name, `the ${which} argument must be an array.`);
  return v;
}

function asInteger(v: Json, name: string, which: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw failure(name, `the ${which} argument must be an integer.`);
  return v;
}

function asString(v: Json, name: string, which: string, max?: number): string {
  if (typeof v !== 'string') throw failure(name, `the ${which} argument must be a string.`);
  if (max !== undefined && v.length > max) throw failure(name, `the ${which} argument is longer than ${max} characters.`);
  return v;
}

const HASHES: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

/** A small seeded generator, so `States.MathRandom(a, b, seed)` repeats as the function promises. */
export function seededRandom(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function deepMerge(a: Record<string, Json>, b: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = isObject(out[k]) && isObject(v) ? deepMerge(out[k] as Record<string, Json>, v) : v;
  return out;
}

const FUNCTIONS: Record<string, (args: Json[], name: string) => Json> = {
  'States.Format'(args, name) {
    if (args.length < 1) throw failure(name, 'a template is required.');
    const template = asString(args[0], name, 'first');
    let next = 1;
    let out = '';
    for (let i = 0; i < template.length; i++) {
      const c = template[i];
      if (c === '\\' && (template[i + 1] === '{' || template[i + 1] === '}')) {
        out += template[++i];
      } else if (c === '{' && template[i + 1] === '}') {
        if (next >= args.length) throw failure(name, 'the template has more {} placeholders than values.');
        const v = args[next++];
        if (v !== null && typeof v === 'object') throw failure(name, 'the values must be strings, numbers, booleans or null.');
        out += typeof v === 'string' ? v : JSON.stringify(v);
        i++;
      } else out += c;
    }
    if (next !== args.length) throw failure(name, 'the template has fewer {} placeholders than values.');
    return out;
  },
  'States.StringToJson'(args, name) {
    arity(args, name, 1);
    try {
      return JSON.parse(asString(args[0], name, 'first')) as Json;
    } catch {
      throw failure(name, 'the argument is not valid JSON.');
    }
  },
  'States.JsonToString'(args, name) {
    arity(args, name, 1);
    return JSON.stringify(args[0]);
  },
  'States.Array'(args) {
    return args;
  },
  'States.ArrayPartition'(args, name) {
    arity(args, name, 2);
    const array = asArray(args[0], name, 'first');
    const size = asInteger(args[1], name, 'second');
    if (size <= 0) throw failure(name, 'the chunk size must be a positive integer.');
    const out: Json[] = [];
    for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
    return out;
  },
  'States.ArrayContains'(args, name) {
    arity(args, name, 2);
    return asArray(args[0], name, 'first').some((v) => sameJson(v, args[1]));
  },
  'States.ArrayRange'(args, name) {
    arity(args, name, 3);
    const [start, end, step] = args.map((a, i) => asInteger(a, name, ['first', 'second', 'third'][i]));
    if (step === 0) throw failure(name, 'the step must not be 0.');
    const out: number[] = [];
    for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
      out.push(v);
      if (out.length > 1000) throw failure(name, 'the range has more than 1000 items.');
    }
    return out;
  },
  'States.ArrayGetItem'(args, name) {
    arity(args, name, 2);
    const array = asArray(args[0], name, 'first');
    const index = asInteger(args[1], name, 'second');
    if (index < 0 || index >= array.length) throw failure(name, `the index ${index} is out of bounds for an array of ${array.length}.`);
    return array[index];
  },
  'States.ArrayLength'(args, name) {
    arity(args, name, 1);
    return asArray(args[0], name, 'first').length;
  },
  'States.ArrayUnique'(args, name) {
    arity(args, name, 1);
    const seen = new Set<string>();
    return asArray(args[0], name, 'first').filter((v) => {
      const key = stableStringify(v);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
  'States.Base64Encode'(args, name) {
    arity(args, name, 1);
    return Buffer.from(asString(args[0], name, 'first', 10000), 'utf8').toString('base64');
  },
  'States.Base64Decode'(args, name) {
    arity(args, name, 1);
    const text = asString(args[0], name, 'first', 10000);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw failure(name, 'the argument is not Base64.');
    return Buffer.from(text, 'base64').toString('utf8');
  },
  'States.Hash'(args, name) {
    arity(args, name, 2);
    const data = typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
    if (data.length > 10000) throw failure(name, 'the data is longer than 10000 characters.');
    const algorithm = HASHES[asString(args[1], name, 'second')];
    if (!algorithm) throw failure(name, `the algorithm must be one of ${Object.keys(HASHES).join(', ')}.`);
    return createHash(algorithm).update(data).digest('hex');
  },
  'States.JsonMerge'(args, name) {
    arity(args, name, 3);
    const [a, b, deep] = args;
    if (!isObject(a) || !isObject(b)) throw failure(name, 'the first two arguments must be JSON objects.');
    if (typeof deep !== 'boolean') throw failure(name, 'the third argument must be true or false.');
    return deep ? deepMerge(a, b) : { ...a, ...b };
  },
  'States.MathRandom'(args, name) {
    arity(args, name, 2, 3);
    const start = asInteger(args[0], name, 'first');
    const end = asInteger(args[1], name, 'second');
    if (end <= start) throw failure(name, 'the end must be greater than the start.');
    const r = args.length === 3 ? seededRandom(asInteger(args[2], name, 'third')) : Math.random();
    return start + Math.floor(r * (end - start));
  },
  'States.MathAdd'(args, name) {
    arity(args, name, 2);
    return asInteger(args[0], name, 'first') + asInteger(args[1], name, 'second');
  },
  'States.StringSplit'(args, name) {
    arity(args, name, 2);
    const text = asString(args[0], name, 'first');
    const delimiters = new Set(asString(args[1], name, 'second'));
    const out: string[] = [];
    let current = '';
    for (const c of text) {
      if (delimiters.has(c)) {
        if (current) out.push(current);
        current = '';
      } else current += c;
    }
    if (current) out.push(current);
    return out;
  },
  'States.UUID'(args, name) {
    arity(args, name, 0);
    return randomUUID();
  },
};
