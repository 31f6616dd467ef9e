// Five-field cron expressions as Airflow (croniter) reads them: minute hour day-of-month month day-of-week.

export interface CronProblem {
  /** Offsets into the expression. */
  start: number;
  end: number;
  message: string;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** Extra tokens croniter accepts in this field. */
  extra?: RegExp;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31, extra: /^(L|\d{1,2}W|LW)$/i },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // 7 is Sunday too; `5L` (last Friday) and `1#2` (second Monday) are croniter extensions.
  { name: 'day of week', min: 0, max: 7, names: DAYS, extra: /^([0-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(L|#[1-5])$/i },
];

/** Problems in a cron expression; an empty list means it is valid. */
export function checkCron(expression: string): CronProblem[] {
  const fields: { text: string; start: number }[] = [];
  for (const m of expression.matchAll(/\S+/g)) fields.push({ text: m[0], start: m.index ?? 0 });
  if (fields.length !== 5) {
    return [{ start: 0, end: expression.length, message: `A cron expression has 5 fields (minute hour day-of-month month day-of-week); '${expression.trim()}' has ${fields.length}.` }];
  }
  const problems: CronProblem[] = [];
  fields.forEach((field, i) => {
    const problem = checkField(field.text, FIELDS[i]);
    if (problem) problems.push({ start: field.start, end: field.start + field.text.length, message: problem });
  });
  return problems;
}

function checkField(text: string, spec: FieldSpec): string | undefined {
  for (const part of text.split(',')) {
    if (part === '') return `The ${spec.name} field '${text}' has an empty list item.`;
    if (spec.extra?.test(part)) continue;
    const [range, step, ...rest] = part.split('/');
    if (rest.length > 0) return `The ${spec.name} field '${part}' has more than one '/'.`;
    if (step !== undefined && !/^\d+$/.test(step)) return `The step in ${spec.name} field '${part}' must be a number.`;
    if (step !== undefined && Number(step) === 0) return `The step in ${spec.name} field '${part}' cannot be 0.`;
    if (range === '*' || range === '?') continue;
    const bounds = range.split('-');
    if (bounds.length > 2 || bounds.some((b) => b === '')) return `The ${spec.name} field '${part}' is not a value, range or step.`;
    const values: number[] = [];
    for (const b of bounds) {
      const v = valueOf(b, spec);
      if (v === undefined) {
        return /^\d+$/.test(b)
          ? `${b} is out of range for the ${spec.name} (${spec.min}–${spec.max}).`
          : `'${b}' is not a valid ${spec.name}${spec.names ? ` (use ${spec.min}–${spec.max} or ${spec.names[0]}–${spec.names[spec.names.length - 1]})` : ` (${spec.min}–${spec.max})`}.`;
      }
      values.push(v);
    }
    if (values.length === 2 && values[0] > values[1] && spec.name !== 'day of week') {
      return `The range '${range}' in the ${spec.name} runs backwards.`;
    }
  }
  return undefined;
}

function valueOf(token: string, spec: FieldSpec): number | undefined {
  if (/^\d+$/.test(token)) {
    const v = Number(token);
    return v >= spec.min && v <= spec.max ? v : undefined;
  }
  const index = spec.names?.indexOf(token.toUpperCase()) ?? -1;
  if (index < 0) return undefined;
  return spec.names === MONTHS ? index + 1 : index;
}
