// Resource properties against the registry schema facts (facts.generated.ts): unknown and missing
// properties, types, enums, patterns, lengths and ranges. CloudFormation converts scalars
// ("80" for an integer, 80 for a string), so only a container where a scalar goes (or the reverse)
// is a wrong type. Intrinsic values are never literals: only a Fn::Sub without variables is checked.

import type { PropertyFacts } from './facts.generated';
import type { ObjectNode, PropertyNode, ValueNode } from '../parse/node';
import { suggest } from '../suggest';
import { compiled } from '../rules/problem';
import { intrinsicOf, isNoValue, knownString } from './parse';
import type { TemplateReporter } from './report';

export interface SchemaCheckOptions {
  /** Property paths (dotted, from Properties) whose string checks dedicated rules do better. */
  dedicated: ReadonlySet<string>;
  /** `the state machine 'Orders'` for messages. */
  where: string;
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function safePattern(pattern: string): RegExp | undefined {
  try {
    return compiled(pattern);
  } catch {
    return undefined;
  }
}

export class SchemaChecker {
  constructor(private readonly report: TemplateReporter, private readonly options: SchemaCheckOptions) {}

  /** The Properties object of a resource (or the resource's missing Properties, `undefined`). */
  checkProperties(props: ObjectNode | undefined, facts: PropertyFacts, anchor: PropertyNode): void {
    if (!props) {
      if (facts.required?.length) this.report.key('cfn/missing-property', 'error', `${this.options.where} needs ${list(facts.required)} under Properties.`, anchor);
      return;
    }
    this.object(props, facts, '', anchor);
  }

  private object(node: ObjectNode, facts: PropertyFacts, path: string, anchor: PropertyNode): void {
    const known = facts.properties ?? {};
    const present = new Set<string>();
    for (const entry of node.entries) {
      if (isNoValue(entry.value)) continue;
      present.add(entry.key);
      const childPath = path ? `${path}.${entry.key}` : entry.key;
      const childFacts = known[entry.key] ?? (facts.values && !facts.properties ? facts.values : undefined);
      if (!childFacts) {
        if (facts.closed) {
          const keys = Object.keys(known);
          // A typo, or a property cut short (TracingConfig for TracingConfiguration).
          const suggestion = suggest(entry.key, keys) ?? (entry.key.length >= 4 ? keys.find((k) => k.toLowerCase().startsWith(entry.key.toLowerCase())) : undefined);
          this.report.key('cfn/unknown-property', 'error', `'${entry.key}' is not a property of ${path ? path : this.options.where}${suggestion ? `. Did you mean '${suggestion}'?` : `: it has ${list(Object.keys(known))}.`}`, entry, {
            fixes: suggestion ? [this.report.renameKeyFix(`Rename to '${suggestion}'`, entry, suggestion)] : undefined,
          });
        }
        continue;
      }
      this.value(entry.value, childFacts, childPath, entry);
    }
    const missing = (facts.required ?? []).filter((r) => !present.has(r));
    if (missing.length) this.report.key('cfn/missing-property', 'error', `${path || this.options.where} needs ${list(missing)}.`, anchor);
    if (facts.minProperties !== undefined && node.entries.length < facts.minProperties) {
      this.report.node('cfn/item-count', 'error', `${path} needs at least ${facts.minProperties} entr${facts.minProperties === 1 ? 'y' : 'ies'}.`, node);
    }
    if (facts.maxProperties !== undefined && node.entries.length > facts.maxProperties) {
      this.report.node('cfn/item-count', 'error', `${path} has ${node.entries.length} entries; at most ${facts.maxProperties} are allowed.`, node);
    }
  }

  private value(node: ValueNode, facts: PropertyFacts, path: string, prop: PropertyNode): void {
    if (intrinsicOf(node)) {
      // Computed at deploy time; a Fn::Sub without variables is text we know.
      const known = knownString(node);
      if (known !== undefined && this.acceptsScalar(facts)) this.scalar(known, node, facts, path, true);
      return;
    }
    const types = facts.types;
    if (node.kind === 'object') {
      if (types && !types.includes('object')) return this.wrongType(node, types, path);
      this.object(node, facts, path, prop);
      return;
    }
    if (node.kind === 'array') {
      if (types && !types.includes('array')) return this.wrongType(node, types, path);
      if (facts.minItems !== undefined && node.items.length < facts.minItems) this.report.node('cfn/item-count', 'error', `${path} needs at least ${facts.minItems} item${facts.minItems === 1 ? '' : 's'}.`, node);
      if (facts.maxItems !== undefined && node.items.length > facts.maxItems) this.report.node('cfn/item-count', 'error', `${path} has ${node.items.length} items; at most ${facts.maxItems} are allowed.`, node);
      if (facts.items) for (const item of node.items) this.value(item, facts.items, `${path}[]`, prop);
      return;
    }
    if (node.kind === 'null') return;
    if (types && !this.acceptsScalar(facts)) return this.wrongType(node, types, path);
    this.scalar(node.kind === 'string' ? node.value : String(node.value), node, facts, path, node.kind === 'string');
  }

  private acceptsScalar(facts: PropertyFacts): boolean {
    return !facts.types || facts.types.some((t) => t === 'string' || t === 'integer' || t === 'number' || t === 'boolean');
  }

  private scalar(value: string, node: ValueNode, facts: PropertyFacts, path: string, isString: boolean): void {
    const types = facts.types ?? [];
    const stringAllowed = types.length === 0 || types.includes('string');
    if (!stringAllowed && (types.includes('integer') || types.includes('number'))) {
      const n = Number(value.trim());
      if (value.trim() === '' || !Number.isFinite(n) || (!types.includes('number') && !Number.isInteger(n))) {
        this.report.node('cfn/wrong-type', 'error', `${path} must be ${types.includes('number') ? 'a number' : 'a whole number'}, not '${value}'.`, node);
        return;
      }
      if (facts.minimum !== undefined && n < facts.minimum) this.report.node('cfn/out-of-range', 'error', `${path} is ${n}; the minimum is ${facts.minimum}.`, node);
      if (facts.maximum !== undefined && n > facts.maximum) this.report.node('cfn/out-of-range', 'error', `${path} is ${n}; the maximum is ${facts.maximum}.`, node);
      return;
    }
    if (!stringAllowed && types.includes('boolean')) {
      if (!/^(true|false)$/i.test(value)) this.report.node('cfn/wrong-type', 'error', `${path} must be true or false, not '${value}'.`, node);
      return;
    }
    if (facts.enum) {
      if (!facts.enum.map(String).includes(value)) {
        const choices = facts.enum.map(String);
        const suggestion = suggest(value, choices);
        this.report.node('cfn/invalid-value', 'error', `'${value}' is not a valid ${path}: use ${list(choices, 'or')}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`, node, {
          fixes: suggestion && isString ? [this.report.replaceFix(`Change to ${suggestion}`, node, suggestion)] : undefined,
        });
      }
      return;
    }
    if (this.options.dedicated.has(path)) return;
    const n = codePoints(value);
    if (facts.minLength !== undefined && n < facts.minLength) {
      this.report.node('cfn/length', 'error', n === 0 ? `${path} is empty: it needs at least ${facts.minLength} character${facts.minLength === 1 ? '' : 's'}.` : `${path} is ${n} characters long; the minimum is ${facts.minLength}.`, node);
      return;
    }
    if (facts.maxLength !== undefined && n > facts.maxLength) {
      this.report.node('cfn/length', 'error', `${path} is ${n.toLocaleString('en-US')} characters long; the maximum is ${facts.maxLength.toLocaleString('en-US')}.`, node);
      return;
    }
    if (facts.pattern) {
      const re = safePattern(facts.pattern);
      if (re && !re.test(value)) this.report.node('cfn/pattern-mismatch', 'error', `'${value}' is not a valid ${path}: it must match ${facts.pattern}.`, node);
    }
  }

  private wrongType(node: ValueNode, types: readonly string[], path: string): void {
    const what = node.kind === 'object' ? 'a mapping' : node.kind === 'array' ? 'a list' : `a ${node.kind}`;
    this.report.node('cfn/wrong-type', 'error', `${path} must be ${list(types.map(article), 'or')}, not ${what}.`, node);
  }
}

function article(type: string): string {
  switch (type) {
    case 'object': return 'a mapping';
    case 'array': return 'a list';
    case 'integer': return 'a whole number';
    default: return `a ${type}`;
  }
}

export function list(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
