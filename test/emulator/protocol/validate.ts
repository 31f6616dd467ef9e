// Checks a request against its input shape: required members, lengths, patterns, enums,
// numeric ranges and nested structures, lists and maps.
import { compilePattern, type ServiceModel, type Shape } from './model';
import type { ConstraintViolation } from './errors';

/** How a service spells the path to a member in its messages. */
export type PathStyle = 'coral' | 'pointer';

export function validateInput(model: ServiceModel, shapeName: string, value: unknown, style: PathStyle): ConstraintViolation[] {
  const violations: ConstraintViolation[] = [];
  const walk = (name: string, v: unknown, path: string[], member: string): void => {
    const shape = model.shapes[name];
    if (!shape || v === undefined || v === null) return;
    const at = formatPath(path, style);
    const add = (kind: ConstraintViolation['kind'], constraint: string, detail?: string): void => {
      violations.push({ path: at, member, kind, constraint, detail, value: shape.sensitive ? undefined : render(v) });
    };
    switch (shape.type) {
      case 'structure': {
        if (shape.document) return;
        if (typeof v !== 'object' || Array.isArray(v)) return add('type', 'Member must be a structure');
        const obj = v as Record<string, unknown>;
        for (const req of shape.required ?? []) {
          if (obj[req] === undefined || obj[req] === null) {
            violations.push({ path: formatPath([...path, req], style), member: req, kind: 'required', constraint: 'Member must not be null' });
          }
        }
        for (const [m, ref] of Object.entries(shape.members ?? {})) walk(ref.shape, obj[m], [...path, m], m);
        return;
      }
      case 'list': {
        if (!Array.isArray(v)) return add('type', 'Member must be a list');
        checkLength(shape, v.length, add);
        v.forEach((item, i) => walk(shape.member!.shape, item, [...path, style === 'coral' ? `${i + 1}.member` : String(i)], member));
        return;
      }
      case 'map': {
        if (typeof v !== 'object' || Array.isArray(v)) return add('type', 'Member must be a map');
        const entries = Object.entries(v as Record<string, unknown>);
        checkLength(shape, entries.length, add);
        for (const [k, item] of entries) {
          walk(shape.key!.shape, k, [...path, style === 'coral' ? `${k}.key` : k], member);
          walk(shape.value!.shape, item, [...path, style === 'coral' ? `${k}.value` : k], member);
        }
        return;
      }
      case 'string': {
        if (typeof v !== 'string') return add('type', 'Member must be a string');
        checkLength(shape, [...v].length, add);
        if (shape.enum && !shape.enum.includes(v)) add('enum', `Member must satisfy enum value set: [${shape.enum.join(', ')}]`, shape.enum.join(', '));
        if (shape.pattern && !compilePattern(shape.pattern).test(v)) add('pattern', `Member must satisfy regular expression pattern: ${shape.pattern}`, shape.pattern);
        return;
      }
      case 'integer':
      case 'long':
      case 'float':
      case 'double': {
        if (typeof v !== 'number' || Number.isNaN(v)) return add('type', 'Member must be a number');
        if ((shape.type === 'integer' || shape.type === 'long') && !Number.isInteger(v)) return add('type', 'Member must be an integer');
        if (shape.min !== undefined && v < shape.min) add('range', `Member must have value greater than or equal to ${shape.min}`, String(shape.min));
        if (shape.max !== undefined && v > shape.max) add('range', `Member must have value less than or equal to ${shape.max}`, String(shape.max));
        return;
      }
      case 'boolean':
        if (typeof v !== 'boolean') add('type', 'Member must be a boolean');
        return;
      default:
        return;
    }
  };
  walk(shapeName, value, [], '');
  return violations;
}

function checkLength(shape: Shape, length: number, add: (kind: 'length', constraint: string, detail?: string) => void): void {
  if (shape.min !== undefined && length < shape.min) add('length', `Member must have length greater than or equal to ${shape.min}`, String(shape.min));
  if (shape.max !== undefined && length > shape.max) add('length', `Member must have length less than or equal to ${shape.max}`, String(shape.max));
}

function formatPath(path: string[], style: PathStyle): string {
  return style === 'coral' ? path.join('.') : `/${path.join('/')}`;
}

function render(v: unknown): string {
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}

/** "1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: ..." (Coral services). */
export function coralValidationMessage(violations: ConstraintViolation[]): string {
  const parts = violations.map((v) =>
    v.kind === 'required'
      ? `Value null at '${v.path}' failed to satisfy constraint: ${v.constraint}`
      : `Value ${v.value === undefined ? '' : `'${v.value}' `}at '${v.path}' failed to satisfy constraint: ${v.constraint}`,
  );
  const n = violations.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}
