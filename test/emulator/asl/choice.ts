// JSONPath Choice rules: And/Or/Not and one comparison on a Variable (ASL spec, "Choice Rules").
import { runtimeError } from './errors';
import { MISSING_VALUE, readPath, tryReadPath, type Json, type PathScope } from './jsonpath';

type Rule = Record<string, Json>;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const isTimestamp = (v: Json): v is string => typeof v === 'string' && RFC3339.test(v) && !Number.isNaN(Date.parse(v));

function compare(kind: 'String' | 'Numeric' | 'Timestamp', op: string, a: Json, b: Json): boolean {
  let x: string | number;
  let y: string | number;
  if (kind === 'String') {
    if (typeof a !== 'string' || typeof b !== 'string') return false;
    [x, y] = [a, b];
  } else if (kind === 'Numeric') {
    if (typeof a !== 'number' || typeof b !== 'number') return false;
    [x, y] = [a, b];
  } else {
    if (!isTimestamp(a) || !isTimestamp(b)) return false;
    [x, y] = [Date.parse(a), Date.parse(b)];
  }
  switch (op) {
    case 'Equals':
      return x === y;
    case 'LessThan':
      return x < y;
    case 'GreaterThan':
      return x > y;
    case 'LessThanEquals':
      return x <= y;
    case 'GreaterThanEquals':
      return x >= y;
  }
  return false;
}

/** `*` matches any run of characters; `\*` and `\\` are literal. */
function matches(value: string, pattern: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') re += '[\\s\\S]*';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`).test(value);
}

const COMPARISON = /^(String|Numeric|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/;

export function evaluateChoiceRule(rule: Rule, input: Json, scope: PathScope): boolean {
  if (Array.isArray(rule.And)) return (rule.And as Rule[]).every((r) => evaluateChoiceRule(r, input, scope));
  if (Array.isArray(rule.Or)) return (rule.Or as Rule[]).some((r) => evaluateChoiceRule(r, input, scope));
  if (rule.Not && typeof rule.Not === 'object') return !evaluateChoiceRule(rule.Not as Rule, input, scope);
  const variable = rule.Variable as string;
  const operator = Object.keys(rule).find((k) => k !== 'Variable' && k !== 'Next' && k !== 'Comment' && k !== 'Assign');
  if (!operator) throw runtimeError(`A Choice rule on '${variable}' has no comparison operator.`);
  const expected = rule[operator];
  const value = tryReadPath(variable, input, scope);
  if (operator === 'IsPresent') return (value !== MISSING_VALUE) === expected;
  if (value === MISSING_VALUE) throw runtimeError(`Invalid path '${variable}': The choice state's condition path references an invalid value.`);
  switch (operator) {
    case 'IsNull':
      return (value === null) === expected;
    case 'IsNumeric':
      return (typeof value === 'number') === expected;
    case 'IsString':
      return (typeof value === 'string') === expected;
    case 'IsBoolean':
      return (typeof value === 'boolean') === expected;
    case 'IsTimestamp':
      return isTimestamp(value) === expected;
    case 'BooleanEquals':
      return value === expected;
    case 'BooleanEqualsPath':
      return value === readPath(expected as string, input, scope, operator);
    case 'StringMatches':
      return typeof value === 'string' && matches(value, expected as string);
  }
  const m = COMPARISON.exec(operator);
  if (!m) throw runtimeError(`'${operator}' is not a Choice comparison operator.`);
  const other = m[3] ? readPath(expected as string, input, scope, operator) : expected;
  return compare(m[1] as 'String' | 'Numeric' | 'Timestamp', m[2], value, other);
}
