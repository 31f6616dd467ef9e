// EC2 Image Builder workflow documents (the YAML passed to CreateWorkflow as `data` or `uri`).
// Facts (actions, step-name pattern, limits) are generated into facts.generated.ts.

import type { Finding, Severity } from '../findings';
import type { ParsedDocument } from '../parse/document';
import type { ObjectNode, PropertyNode, StringNode, ValueNode } from '../parse/node';
import { property } from '../parse/node';
import { suggest } from '../suggest';
import { INLINE_DATA_MAX, MAX_STEPS, ON_FAILURE_VALUES, PARAMETER_TYPES, STEP_ACTIONS, STEP_NAME_PATTERN } from './facts.generated';

const STEP_NAME = new RegExp(STEP_NAME_PATTERN);
const DOCUMENT_KEYS = ['name', 'description', 'schemaVersion', 'parameters', 'steps', 'outputs'];
const STEP_KEYS = ['name', 'description', 'action', 'onFailure', 'inputs', 'if', 'timeoutSeconds', 'waitSeconds', 'rollbackEnabled'];
const PARAMETER_KEYS = ['name', 'type', 'default', 'description'];
const OUTPUT_KEYS = ['name', 'value'];
const LOGICAL_OPERATORS = ['and', 'or', 'not'];
const COMPARISON_OPERATORS = [
  'booleanEquals', 'numberEquals', 'numberGreaterThan', 'numberGreaterThanEquals', 'numberLessThan', 'numberLessThanEquals', 'stringEquals',
];
// `$.stepOutputs.<step>` and `$.parameters.<name>`, with the dotted or the bracketed form.
const STEP_OUTPUT_REF = /\$\.stepOutputs(?:\.([A-Za-z0-9_-]+)|\[['"]([^'"\]]+)['"]\])/g;
const PARAMETER_REF = /\$\.parameters(?:\.([A-Za-z0-9_-]+)|\[['"]([^'"\]]+)['"]\])/g;

export function validateImageBuilderDocument(doc: ParsedDocument): Finding[] {
  return new ImageBuilderValidator(doc).run();
}

class ImageBuilderValidator {
  private readonly findings: Finding[] = [];
  private readonly parameters = new Set<string>();
  /** Step name → index, for `$.stepOutputs` checks. */
  private readonly stepIndex = new Map<string, number>();

  constructor(private readonly doc: ParsedDocument) {}

  run(): Finding[] {
    const root = this.doc.root;
    if (this.doc.text.length > INLINE_DATA_MAX) {
      const firstLineEnd = this.doc.text.indexOf('\n');
      this.report('imagebuilder/inline-too-large', 'warning', 0, firstLineEnd < 0 ? this.doc.text.length : firstLineEnd,
        `This document is ${this.doc.text.length} characters; CreateWorkflow accepts at most ${INLINE_DATA_MAX} inline, so it will be uploaded to S3 (defaults.definitionBucket) and passed as a uri.`);
    }
    if (!root) return this.findings;
    if (root.kind !== 'object') {
      this.report('imagebuilder/not-an-object', 'error', root.start, root.end, 'An Image Builder workflow document is a mapping with schemaVersion and steps.');
      return this.findings;
    }
    this.checkUnknownKeys(root, DOCUMENT_KEYS, 'the workflow document');
    this.checkSchemaVersion(root);
    this.collectParameters(root);
    const steps = property(root, 'steps');
    if (!steps) {
      this.reportKeyless(root, 'imagebuilder/steps-missing', 'The document has no steps: add a `steps` list (at most 15).');
    } else if (steps.value.kind !== 'array') {
      this.report('imagebuilder/steps-not-a-list', 'error', steps.value.start, steps.value.end, '`steps` must be a list of steps.');
    } else {
      this.checkSteps(steps);
    }
    this.checkOutputs(root);
    return this.findings;
  }

  private checkSchemaVersion(root: ObjectNode): void {
    const prop = property(root, 'schemaVersion');
    if (!prop) {
      this.reportKeyless(root, 'imagebuilder/schema-version-missing', 'schemaVersion is required: add `schemaVersion: 1.0`.');
      return;
    }
    const v = prop.value;
    const ok = (v.kind === 'string' && v.value.trim() === '1.0') || (v.kind === 'number' && v.value === 1);
    if (!ok) {
      const shown = v.kind === 'string' || v.kind === 'number' ? String(v.kind === 'number' ? v.raw : v.value) : v.kind;
      this.report('imagebuilder/schema-version-invalid', 'error', v.start, v.end, `schemaVersion must be 1.0, not ${shown}.`, {
        fixes: [{ title: 'Set schemaVersion to 1.0', preferred: true, edits: [{ range: this.doc.lines.range(v.start, v.end), newText: '1.0' }] }],
      });
    }
  }

  private collectParameters(root: ObjectNode): void {
    const prop = property(root, 'parameters');
    if (!prop || prop.value.kind === 'null') return;
    if (prop.value.kind !== 'array') {
      this.report('imagebuilder/parameters-not-a-list', 'error', prop.value.start, prop.value.end, '`parameters` must be a list of {name, type, default, description}.');
      return;
    }
    for (const item of prop.value.items) {
      if (item.kind !== 'object') {
        this.report('imagebuilder/parameter-invalid', 'error', item.start, item.end, 'A parameter is a mapping with name, type, default and description.');
        continue;
      }
      this.checkUnknownKeys(item, PARAMETER_KEYS, 'a parameter');
      const name = property(item, 'name');
      if (!name || name.value.kind !== 'string' || name.value.value === '') {
        this.reportKeyless(item, 'imagebuilder/parameter-name-missing', 'This parameter has no name.', name?.value);
      } else if (this.parameters.has(name.value.value)) {
        this.report('imagebuilder/parameter-duplicate', 'error', name.value.start, name.value.end, `Parameter '${name.value.value}' is declared twice.`);
      } else {
        this.parameters.add(name.value.value);
      }
      const type = property(item, 'type');
      let typeName = 'string'; // the documented default
      if (type) {
        if (type.value.kind === 'string' && PARAMETER_TYPES.includes(type.value.value)) {
          typeName = type.value.value;
        } else {
          const written = type.value.kind === 'string' ? type.value.value : type.value.kind;
          const guess = type.value.kind === 'string' ? suggest(type.value.value, PARAMETER_TYPES) : undefined;
          this.report('imagebuilder/parameter-type-invalid', 'error', type.value.start, type.value.end,
            `Parameter type '${written}' is not one of ${PARAMETER_TYPES.join(', ')}.${guess ? ` Did you mean '${guess}'?` : ''}`,
            guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ range: this.doc.lines.range(type.value.start, type.value.end), newText: guess }] }] } : {});
          typeName = '';
        }
      }
      const def = property(item, 'default');
      if (def && typeName && !matchesType(def.value, typeName)) {
        this.report('imagebuilder/parameter-default-mismatch', 'error', def.value.start, def.value.end,
          `The default of '${name?.value.kind === 'string' ? name.value.value : 'this parameter'}' is ${describe(def.value)}, but its type is ${typeName}.`);
      }
    }
  }

  private checkSteps(steps: PropertyNode): void {
    const list = steps.value.kind === 'array' ? steps.value.items : [];
    if (list.length === 0) {
      this.report('imagebuilder/steps-missing', 'error', steps.value.start, steps.value.end, 'The document has no steps: `steps` is empty.');
      return;
    }
    if (list.length > MAX_STEPS) {
      this.report('imagebuilder/too-many-steps', 'error', steps.keyStart, steps.keyEnd,
        `A workflow has at most ${MAX_STEPS} steps; this one has ${list.length}.`);
    }
    // First pass: names, so a reference to a later step can say so.
    const named: (StringNode | undefined)[] = list.map((step) => {
      const n = step.kind === 'object' ? property(step, 'name')?.value : undefined;
      return n?.kind === 'string' ? n : undefined;
    });
    named.forEach((n, i) => {
      if (n && !this.stepIndex.has(n.value)) this.stepIndex.set(n.value, i);
    });
    list.forEach((step, index) => this.checkStep(step, index, named[index]));
  }

  private checkStep(step: ValueNode, index: number, name: StringNode | undefined): void {
    if (step.kind !== 'object') {
      this.report('imagebuilder/step-invalid', 'error', step.start, step.end, 'A step is a mapping with name, action and inputs.');
      return;
    }
    this.checkUnknownKeys(step, STEP_KEYS, 'a step');
    const nameProp = property(step, 'name');
    if (!name) {
      if (nameProp && nameProp.value.kind !== 'null') {
        this.report('imagebuilder/step-name-invalid', 'error', nameProp.value.start, nameProp.value.end, `A step name is a string, not ${describe(nameProp.value)}.`);
      } else {
        this.reportKeyless(step, 'imagebuilder/step-name-missing', `Step ${index + 1} has no name.`, nameProp?.value);
      }
    } else if (!STEP_NAME.test(name.value)) {
      this.report('imagebuilder/step-name-invalid', 'error', name.start, name.end,
        `Step name '${name.value}' is invalid: it must start with a letter and have 2–100 letters, digits, '-' or '_' (${STEP_NAME_PATTERN}).`);
    } else if (this.stepIndex.get(name.value) !== index) {
      this.report('imagebuilder/step-name-duplicate', 'error', name.start, name.end, `Another step is already named '${name.value}'; step names must be unique.`);
    }

    const action = property(step, 'action');
    if (!action) {
      this.reportKeyless(step, 'imagebuilder/action-missing', `Step ${name ? `'${name.value}'` : index + 1} has no action.`, nameProp?.value);
    } else if (action.value.kind !== 'string' || !STEP_ACTIONS.includes(action.value.value)) {
      const written = action.value.kind === 'string' ? action.value.value : describe(action.value);
      const guess = action.value.kind === 'string' ? suggest(action.value.value, STEP_ACTIONS) : undefined;
      this.report('imagebuilder/action-unknown', 'error', action.value.start, action.value.end,
        `'${written}' is not an Image Builder step action.${guess ? ` Did you mean '${guess}'?` : ''}`,
        guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ range: this.doc.lines.range(action.value.start, action.value.end), newText: guess }] }] } : {});
    }

    const onFailure = property(step, 'onFailure');
    if (onFailure && !(onFailure.value.kind === 'string' && ON_FAILURE_VALUES.includes(onFailure.value.value))) {
      const guess = onFailure.value.kind === 'string' ? suggest(onFailure.value.value, ON_FAILURE_VALUES) : undefined;
      this.report('imagebuilder/on-failure-invalid', 'error', onFailure.value.start, onFailure.value.end,
        `onFailure must be ${ON_FAILURE_VALUES.join(' or ')}.${guess ? ` Did you mean '${guess}'?` : ''}`,
        guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ range: this.doc.lines.range(onFailure.value.start, onFailure.value.end), newText: guess }] }] } : {});
    }

    for (const key of ['timeoutSeconds', 'waitSeconds']) {
      const p = property(step, key);
      if (!p) continue;
      const v = p.value;
      if (v.kind === 'string' && v.value.startsWith('$.')) {
        this.checkReferences(v, index);
      } else if (v.kind !== 'number' || !Number.isInteger(v.value) || v.value < 0) {
        this.report('imagebuilder/seconds-invalid', 'error', v.start, v.end, `${key} must be a whole number of seconds, not ${describe(v)}.`);
      }
    }

    const rollback = property(step, 'rollbackEnabled');
    if (rollback && rollback.value.kind !== 'boolean') {
      this.report('imagebuilder/boolean-expected', 'error', rollback.value.start, rollback.value.end, `rollbackEnabled must be true or false, not ${describe(rollback.value)}.`);
    }

    const inputs = property(step, 'inputs');
    if (inputs) {
      if (inputs.value.kind !== 'object' && inputs.value.kind !== 'null') {
        this.report('imagebuilder/inputs-invalid', 'error', inputs.value.start, inputs.value.end, '`inputs` must be a mapping of input names to values.');
      }
      this.checkReferences(inputs.value, index);
    }
    const condition = property(step, 'if');
    if (condition) {
      this.checkCondition(condition.value, 0);
      this.checkReferences(condition.value, index);
    }
  }

  /** `if`: one logical or comparison operator per level (and/or take lists, not takes one condition). */
  private checkCondition(node: ValueNode, depth: number): void {
    if (node.kind !== 'object' || depth > 50) {
      if (node.kind !== 'object') this.report('imagebuilder/condition-invalid', 'error', node.start, node.end, 'A condition is a mapping with one operator (and, or, not, stringEquals, booleanEquals, number…).');
      return;
    }
    const operators = node.entries.filter((e) => e.key !== 'value');
    if (operators.length === 0) {
      const first = node.entries[0];
      this.report('imagebuilder/condition-invalid', 'error', first ? first.keyStart : node.start, first ? first.keyEnd : node.end,
        'This condition has no operator (and, or, not, stringEquals, booleanEquals, number…).');
    }
    for (const entry of operators) {
      if (LOGICAL_OPERATORS.includes(entry.key)) {
        if (entry.key === 'not') this.checkCondition(entry.value, depth + 1);
        else if (entry.value.kind === 'array') entry.value.items.forEach((c) => this.checkCondition(c, depth + 1));
        else this.report('imagebuilder/condition-invalid', 'error', entry.value.start, entry.value.end, `'${entry.key}' takes a list of conditions.`);
      } else if (COMPARISON_OPERATORS.includes(entry.key)) {
        if (!property(node, 'value')) {
          this.report('imagebuilder/condition-invalid', 'error', entry.keyStart, entry.keyEnd, `'${entry.key}' compares with \`value\`, which is missing.`);
        }
      } else {
        const guess = suggest(entry.key, [...LOGICAL_OPERATORS, ...COMPARISON_OPERATORS]);
        this.report('imagebuilder/condition-invalid', 'error', entry.keyStart, entry.keyEnd,
          `'${entry.key}' is not a condition operator.${guess ? ` Did you mean '${guess}'?` : ''}`);
      }
    }
    if (operators.length > 1) {
      const second = operators[1];
      this.report('imagebuilder/condition-invalid', 'error', second.keyStart, second.keyEnd,
        `A condition has one operator per level; combine '${operators[0].key}' and '${second.key}' with and/or.`);
    }
  }

  private checkOutputs(root: ObjectNode): void {
    const prop = property(root, 'outputs');
    if (!prop || prop.value.kind === 'null') return;
    if (prop.value.kind !== 'array') {
      this.report('imagebuilder/outputs-not-a-list', 'error', prop.value.start, prop.value.end, '`outputs` must be a list of {name, value}.');
      return;
    }
    for (const item of prop.value.items) {
      if (item.kind === 'object') this.checkUnknownKeys(item, OUTPUT_KEYS, 'an output');
      // Outputs are read after the last step, so any step may be named.
      this.checkReferences(item, Number.MAX_SAFE_INTEGER);
    }
  }

  /** `$.stepOutputs.<step>` must name an earlier step; `$.parameters.<name>` a declared parameter. */
  private checkReferences(node: ValueNode, stepIndex: number): void {
    const visit = (n: ValueNode, depth: number): void => {
      if (depth > 100) return;
      if (n.kind === 'object') n.entries.forEach((e) => visit(e.value, depth + 1));
      else if (n.kind === 'array') n.items.forEach((i) => visit(i, depth + 1));
      else if (n.kind === 'string' && n.value.includes('$.')) this.checkReferenceString(n, stepIndex);
    };
    visit(node, 0);
  }

  private checkReferenceString(node: StringNode, stepIndex: number): void {
    const source = this.doc.text.slice(node.start, node.end);
    const cursor = { at: 0 };
    for (const m of node.value.matchAll(STEP_OUTPUT_REF)) {
      const step = m[1] ?? m[2];
      const [start, end] = this.locate(node, source, cursor, m[0], m[0].length - step.length - (m[2] ? 2 : 0), step.length);
      const target = this.stepIndex.get(step);
      if (target === undefined) {
        const guess = suggest(step, [...this.stepIndex.keys()]);
        this.report('imagebuilder/step-output-unknown', 'error', start, end, `No step is named '${step}'.${guess ? ` Did you mean '${guess}'?` : ''}`,
          guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ range: this.doc.lines.range(start, end), newText: guess }] }] } : {});
      } else if (target >= stepIndex) {
        this.report('imagebuilder/step-output-not-earlier', 'error', start, end,
          target === stepIndex
            ? `A step cannot read its own outputs ('${step}'); $.stepOutputs only holds steps that ran before this one.`
            : `Step '${step}' runs after this one, so its outputs are not available yet; $.stepOutputs only holds earlier steps.`);
      }
    }
    cursor.at = 0;
    for (const m of node.value.matchAll(PARAMETER_REF)) {
      const name = m[1] ?? m[2];
      const [start, end] = this.locate(node, source, cursor, m[0], m[0].length - name.length - (m[2] ? 2 : 0), name.length);
      if (this.parameters.has(name)) continue;
      const guess = suggest(name, this.parameters);
      this.report('imagebuilder/parameter-undeclared', 'error', start, end,
        `Parameter '${name}' is not declared in \`parameters\`.${guess ? ` Did you mean '${guess}'?` : ''}`,
        guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ range: this.doc.lines.range(start, end), newText: guess }] }] } : {});
    }
  }

  /** Source offsets of part of a match inside a string node (falls back to the whole node for escaped strings). */
  private locate(node: StringNode, source: string, cursor: { at: number }, match: string, offsetInMatch: number, length: number): [number, number] {
    const at = source.indexOf(match, cursor.at);
    if (at < 0) return [node.start, node.end];
    cursor.at = at + match.length;
    return [node.start + at + offsetInMatch, node.start + at + offsetInMatch + length];
  }

  private checkUnknownKeys(node: ObjectNode, known: string[], where: string): void {
    for (const entry of node.entries) {
      if (known.includes(entry.key)) continue;
      const guess = suggest(entry.key, known);
      this.report('imagebuilder/unknown-key', 'warning', entry.keyStart, entry.keyEnd,
        `'${entry.key}' is not a field of ${where}.${guess ? ` Did you mean '${guess}'?` : ''}`,
        guess ? { fixes: [{ title: `Rename to '${guess}'`, preferred: true, edits: [{ range: this.doc.lines.range(entry.keyStart, entry.keyEnd), newText: guess }] }] } : {});
    }
  }

  /** For a missing field: point at the given node, else the mapping's first key. */
  private reportKeyless(node: ObjectNode, code: string, message: string, at?: ValueNode): void {
    if (at) this.report(code, 'error', at.start, at.end, message);
    else if (node.entries.length > 0) this.report(code, 'error', node.entries[0].keyStart, node.entries[0].keyEnd, message);
    else this.report(code, 'error', node.start, Math.min(node.end, node.start + 1), message);
  }

  private report(code: string, severity: Severity, start: number, end: number, message: string, extra: Partial<Finding> = {}): void {
    this.findings.push({ code, severity, message, range: this.doc.lines.range(start, end), ...extra });
  }
}

function matchesType(value: ValueNode, type: string): boolean {
  switch (type) {
    case 'string': return value.kind === 'string';
    case 'integer': return value.kind === 'number' && Number.isInteger(value.value);
    case 'boolean': return value.kind === 'boolean';
    case 'stringList': return value.kind === 'array' && value.items.every((i) => i.kind === 'string');
    default: return true;
  }
}

function describe(node: ValueNode): string {
  switch (node.kind) {
    case 'string': return `the string '${node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value}'`;
    case 'number': return `the number ${node.raw}`;
    case 'boolean': return String(node.value);
    case 'null': return 'empty';
    case 'array': return 'a list';
    case 'object': return 'a mapping';
  }
}
