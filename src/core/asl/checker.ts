// The Amazon States Language checker: one pass over the position-keeping tree of src/core/parse,
// reporting, typed reads of values, scopes and transition graphs, paths, payload templates and
// JSONata. Each state type's own rules are in its module (task.ts, choice.ts, wait.ts, fail.ts,
// parallel.ts, map.ts; Retry/Catch in retry.ts), which sees this class only as AslChecker.
// The specification is ../shared/reference/asl-facts.md: what AWS rejects is an error, what is
// unverified is a warning at most, and the known false errors of other validators are avoided.

import type { Finding, Fix } from '../findings';
import { parseFindings, type ParsedDocument } from '../parse/document';
import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from '../parse/node';
import { property as prop } from '../parse/node';
import { AWS_FACTS } from '../facts/aws.generated';
import { suggest } from '../suggest';
import { STATE_FIELDS, STATE_TYPES, TOP_LEVEL_FIELDS, type FieldLanguage, type QueryLanguage, type StateType } from './fields';
import { checkIntrinsic, INTRINSIC_FUNCTIONS, looksLikeIntrinsic } from './intrinsics';
import { checkChoice } from './choice';
import { checkFail } from './fail';
import { checkMap } from './map';
import { checkParallel } from './parallel';
import { checkCatch, checkRetry } from './retry';
import { checkTask } from './task';
import { checkWait } from './wait';
import { analyzeJsonata, analyzeJsonataAll, isJsonataString, isUnterminatedJsonata } from './jsonata';
import { checkPath, type PathKind } from './jsonpath';
import { abbreviate, capitalize, describe, describeNumberRule, hintForLanguage } from './messages';
import { hasPlaceholder, WHOLE_PLACEHOLDER, type Placeholder } from './placeholders';
import type { AslChecker, AslValidationOptions, JsonataPlace, NumberRule, ReportExtra, Scope, StateContext } from './types';

const MAX_DEFINITION_LENGTH = AWS_FACTS.sfn.definition.max;
// Upper bounds that other validators apply (99999999 seconds, 31622400 for MaxDelaySeconds) are
// not confirmed for AWS (asl-facts §3, §4, §6), so only the confirmed limits below are enforced.
const MAX_STATE_NAME_LENGTH = 80;
const MAX_VARIABLE_NAME_LENGTH = 80;
const VARIABLE_NAME = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200C\u200D]*$/u;
const TERMINAL_TYPES = new Set(['Succeed', 'Fail']);
const TRANSITION_TYPES = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/** The walk over the tree and the checks shared by the state types (AslChecker, types.ts). */
export class AslValidator implements AslChecker {
  readonly findings: Finding[] = [];
  private topLanguage: QueryLanguage = 'JSONPath';
  private readonly placeholderStarts = new Set<number>();
  private readonly allStates = new Map<string, { prop: PropertyNode; scope: Scope }>();
  private readonly stateKeyStarts = new Set<number>();
  private readonly scopes: Scope[] = [];
  readonly labels = new Map<string, StringNode>();
  private suggestionBudget = 40;
  /** JSONata expressions, analysed together once the tree is walked (see analyzeJsonataAll). */
  private readonly jsonataStrings: { node: StringNode; place: JsonataPlace; expression: string }[] = [];
  /** Assignments in nested scopes, checked against outer scopes once everything is read. */
  private readonly assignments: { name: string; entry: PropertyNode; scope: Scope }[] = [];
  readonly express: boolean;

  constructor(readonly doc: ParsedDocument, private readonly placeholders: Placeholder[], options: AslValidationOptions) {
    for (const p of placeholders) this.placeholderStarts.add(p.start);
    this.express = options.type === 'EXPRESS';
  }

  run(): void {
    const doc = this.doc;
    if (doc.text.length > MAX_DEFINITION_LENGTH) {
      this.report('asl/definition-too-large', 'error', `The definition has ${doc.text.length.toLocaleString('en-US')} characters; Step Functions accepts at most ${MAX_DEFINITION_LENGTH.toLocaleString('en-US')} (1 MiB).`, 0, 0);
    }
    for (const p of this.placeholders) {
      this.report('asl/placeholder-not-a-number', 'warning', `'\${${p.name}}' is a template placeholder where a number or boolean goes; it is checked as if it were substituted with a valid value. Make sure DefinitionSubstitutions (or your template) provides '${p.name}'.`, p.start, p.end, { data: { placeholder: p.name } });
    }
    const root = doc.root;
    if (root) {
      if (root.kind !== 'object') {
        this.report('asl/invalid-type', 'error', 'A state machine definition must be a JSON object with StartAt and States.', root.start, Math.min(root.end, root.start + 1));
      } else {
        this.checkMachine(root);
      }
    }
    this.addParseFindings();
  }

  // ---------------------------------------------------------------- reporting

  private report(code: string, severity: Finding['severity'], message: string, start: number, end: number, extra?: ReportExtra): void {
    const finding: Finding = { code, severity, message, range: this.doc.lines.range(start, end) };
    if (extra?.fixes?.length) finding.fixes = extra.fixes;
    if (extra?.related?.length) finding.related = extra.related;
    if (extra?.data) finding.data = extra.data;
    this.findings.push(finding);
  }

  reportNode(code: string, severity: Finding['severity'], message: string, node: ValueNode, extra?: ReportExtra): void {
    // Containers: underline the opening only, not the whole block.
    const end = node.kind === 'object' || node.kind === 'array' ? Math.min(node.end, node.start + 1) : node.end;
    this.report(code, severity, message, node.start, end, extra);
  }

  reportKey(code: string, severity: Finding['severity'], message: string, prop: PropertyNode, extra?: ReportExtra): void {
    this.report(code, severity, message, prop.keyStart, prop.keyEnd, extra);
  }

  private addParseFindings(): void {
    // parseFindings keeps the order of doc.problems: finding i comes from problem i.
    const problems = this.doc.problems;
    parseFindings(this.doc).forEach((f, i) => {
      const problem = problems[i];
      if (f.code === 'parse/duplicate-key' && problem && this.stateKeyStarts.has(problem.start)) {
        this.findings.push({
          ...f,
          code: 'asl/duplicate-state-name',
          severity: 'error',
          message: `${f.message.replace(/^Duplicate key/, 'Duplicate state name')} State names must be unique in the whole state machine.`,
        });
      } else {
        this.findings.push(f);
      }
    });
  }

  /**
   * Source offset of character `index` of a string's value, when the source spells the value
   * out unchanged (no escapes, single line); otherwise undefined and callers mark the whole string.
   */
  private offsetInString(node: StringNode, index: number): number | undefined {
    const text = this.doc.text;
    const q = text[node.start];
    const quoted = q === '"' || q === "'";
    const first = quoted ? node.start + 1 : node.start;
    const last = quoted ? node.end - 1 : node.end;
    if (last - first !== node.value.length || text.slice(first, last) !== node.value) return undefined;
    return first + Math.min(index, Math.max(0, node.value.length - 1));
  }

  /** Text that replaces a string node's source with `value`, keeping the document's quoting style. */
  private replacementText(node: { start: number }, value: string): string {
    if (this.doc.format === 'json') return JSON.stringify(value);
    const q = this.doc.text[node.start];
    if (q === '"') return JSON.stringify(value);
    if (q === "'") return `'${value.replace(/'/g, "''")}'`;
    return /^[A-Za-z0-9_][A-Za-z0-9_ .\-/]*$/.test(value) && !value.endsWith(' ') ? value : JSON.stringify(value);
  }

  replaceFix(title: string, start: number, end: number, value: string): Fix {
    return { title, preferred: true, edits: [{ range: this.doc.lines.range(start, end), newText: this.replacementText({ start }, value) }] };
  }

  // ---------------------------------------------------------------- value helpers

  private isSubstituted(node: ValueNode): boolean {
    return node.kind === 'number' && this.placeholderStarts.size > 0 && this.placeholderStarts.has(node.start);
  }

  /** A YAML string that is exactly `${Name}` where a number or boolean goes. */
  private placeholderInstead(node: ValueNode, what: string): boolean {
    if (node.kind === 'string' && WHOLE_PLACEHOLDER.test(node.value)) {
      this.reportNode('asl/placeholder-not-a-number', 'warning', `'${node.value}' is a template placeholder where ${what} goes; it is not checked. Make sure the substitution provides ${what}.`, node, { data: { placeholder: node.value.slice(2, -1) } });
      return true;
    }
    return false;
  }

  typeError(node: ValueNode, field: string, expected: string): void {
    this.reportNode('asl/invalid-type', 'error', `'${field}' must be ${expected}, not ${describe(node)}.`, node);
  }

  expectString(node: ValueNode, field: string): string | undefined {
    if (node.kind === 'string') return node.value;
    this.typeError(node, field, 'a string');
    return undefined;
  }

  expectObject(node: ValueNode, field: string): ObjectNode | undefined {
    if (node.kind === 'object') return node;
    this.typeError(node, field, 'an object');
    return undefined;
  }

  expectArray(node: ValueNode, field: string): ArrayNode | undefined {
    if (node.kind === 'array') return node;
    this.typeError(node, field, 'an array');
    return undefined;
  }

  expectBoolean(node: ValueNode, field: string): boolean | undefined {
    if (node.kind === 'boolean') return node.value;
    if (this.isSubstituted(node) || this.placeholderInstead(node, 'true or false')) return undefined;
    this.typeError(node, field, 'true or false');
    return undefined;
  }

  expectEnum(node: ValueNode, field: string, values: readonly string[], severity: 'error' | 'warning' = 'error'): void {
    if (node.kind !== 'string') {
      this.typeError(node, field, `one of ${values.join(', ')}`);
      return;
    }
    if (values.includes(node.value) || hasPlaceholder(node.value)) return;
    const suggestion = suggest(node.value, values);
    this.reportNode('asl/invalid-value', severity, `'${field}' must be one of ${values.join(', ')}, not '${node.value}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`, node, {
      fixes: suggestion ? [this.replaceFix(`Change to '${suggestion}'`, node.start, node.end, suggestion)] : undefined,
      data: suggestion ? { suggestion } : undefined,
    });
  }

  /**
   * A number field: literal (integer or not, with bounds), or in JSONata a `{% %}` expression.
   * Placeholders earn their warning and skip the checks.
   */
  expectNumber(node: ValueNode, field: string, rule: NumberRule): number | undefined {
    if (this.isSubstituted(node)) return undefined;
    if (node.kind === 'string') {
      if (rule.jsonata && isJsonataString(node.value)) {
        this.checkJsonataString(node, rule.jsonata);
        return undefined;
      }
      if (this.placeholderInstead(node, 'a number')) return undefined;
    }
    if (node.kind !== 'number') {
      this.typeError(node, field, describeNumberRule(rule) + (rule.jsonata ? ' or a JSONata expression {% … %}' : ''));
      return undefined;
    }
    const v = node.value;
    const bad = (rule.integer && !Number.isInteger(v)) || (rule.min !== undefined && (rule.exclusiveMin ? v <= rule.min : v < rule.min)) || (rule.max !== undefined && v > rule.max);
    if (bad) this.reportNode('asl/invalid-value', 'error', `'${field}' must be ${describeNumberRule(rule)}, not ${node.raw}.`, node);
    return bad ? undefined : v;
  }

  // ---------------------------------------------------------------- fields

  /**
   * Unknown and wrong-language fields of an object. `language` undefined = no language split.
   * Returns false when the object had no problems.
   */
  checkFields(obj: ObjectNode, allowed: Readonly<Record<string, FieldLanguage>>, where: string, language: QueryLanguage | undefined, options: { unknownSeverity?: 'error' | 'warning'; skip?: ReadonlySet<string> } = {}): void {
    for (const entry of obj.entries) {
      const lang = allowed[entry.key];
      if (lang === undefined) {
        if (options.skip?.has(entry.key)) continue;
        this.unknownField(entry, allowed, where, options.unknownSeverity ?? 'error');
      } else if (language && lang !== 'B' && (lang === 'P') !== (language === 'JSONPath')) {
        this.reportKey('asl/wrong-query-language-field', 'error', `The QueryLanguage is set to '${language}', but field '${entry.key}' is only supported for the '${language === 'JSONPath' ? 'JSONata' : 'JSONPath'}' QueryLanguage.${hintForLanguage(entry.key, language)}`, entry, { data: { field: entry.key, language } });
      }
    }
  }

  private unknownField(entry: PropertyNode, allowed: Readonly<Record<string, FieldLanguage>>, where: string, severity: 'error' | 'warning'): void {
    const suggestion = suggest(entry.key, Object.keys(allowed));
    const code = severity === 'error' ? 'asl/unknown-field' : 'asl/unrecognized-field';
    this.reportKey(code, severity, `Field '${entry.key}' is not supported in ${where}.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`, entry, {
      fixes: suggestion ? [this.replaceFix(`Rename to '${suggestion}'`, entry.keyStart, entry.keyEnd, suggestion)] : undefined,
      data: suggestion ? { field: entry.key, suggestion } : { field: entry.key },
    });
  }

  private missing(node: ObjectNode, field: string, where: string, anchor?: PropertyNode): void {
    if (anchor) this.reportKey('asl/missing-field', 'error', `${where} is missing the required field '${field}'.`, anchor, { data: { field } });
    else this.reportNode('asl/missing-field', 'error', `${where} is missing the required field '${field}'.`, node, { data: { field } });
  }

  checkPathTwins(obj: ObjectNode, literals: readonly string[], options: { context: boolean }): void {
    for (const literal of literals) {
      const p = prop(obj, `${literal}Path`);
      if (p) this.checkPathField(p.value, `${literal}Path`, 'reference', { nullable: false, context: options.context, variables: true });
    }
    for (const literal of literals) this.exclusive(obj, literal, `${literal}Path`);
  }

  requiredArray(ctx: StateContext, field: string): { prop: PropertyNode; array: ArrayNode } | undefined {
    const p = prop(ctx.node, field);
    if (!p) {
      this.reportKey('asl/missing-field', 'error', `${ctx.type} state '${ctx.name}' is missing the required field '${field}'.`, prop(ctx.node, 'Type')!, { data: { field } });
      return undefined;
    }
    const array = this.expectArray(p.value, field);
    return array ? { prop: p, array } : undefined;
  }

  exclusive(obj: ObjectNode, a: string, b: string): void {
    const pa = prop(obj, a);
    const pb = prop(obj, b);
    if (pa && pb) this.reportKey('asl/exclusive-fields', 'error', `There should only be one of the following fields: [${a}, ${b}].`, pb, { data: { fields: [a, b] } });
  }

  // ---------------------------------------------------------------- machine and scopes

  private checkMachine(root: ObjectNode): void {
    const ql = prop(root, 'QueryLanguage');
    if (ql) {
      if (ql.value.kind === 'string' && (ql.value.value === 'JSONPath' || ql.value.value === 'JSONata')) this.topLanguage = ql.value.value;
      else this.invalidQueryLanguage(ql.value);
    }
    this.checkFields(root, TOP_LEVEL_FIELDS, 'the top level of a state machine', undefined);
    const comment = prop(root, 'Comment');
    if (comment) this.expectString(comment.value, 'Comment');
    const version = prop(root, 'Version');
    if (version) {
      // YAML reads `Version: 1.0` as a number; whether AWS accepts that is unverified: a warning.
      if (version.value.kind === 'number') this.reportNode('asl/unknown-version', 'warning', `'Version' should be the string "1.0"; write Version: "1.0" in YAML.`, version.value);
      const v = version.value.kind === 'number' ? undefined : this.expectString(version.value, 'Version');
      // Only "1.0" exists; what AWS does with others is unverified, so this is a warning.
      if (v !== undefined && v !== '1.0' && !hasPlaceholder(v)) this.reportNode('asl/unknown-version', 'warning', `'Version' is "1.0" (the only States Language version), not '${v}'.`, version.value);
    }
    const timeout = prop(root, 'TimeoutSeconds');
    if (timeout) this.expectNumber(timeout.value, 'TimeoutSeconds', { integer: true, min: 0 });
    this.checkScope(root, 'the state machine', '', undefined);
    this.checkGraphs();
    this.checkOuterAssignments();
    this.checkJsonataExpressions();
  }

  private invalidQueryLanguage(node: ValueNode): void {
    if (node.kind === 'string' && hasPlaceholder(node.value)) return;
    const value = node.kind === 'string' ? node.value : undefined;
    const suggestion = value !== undefined ? suggest(value, ['JSONPath', 'JSONata']) : undefined;
    this.reportNode('asl/invalid-query-language', 'error', `'QueryLanguage' value should be one of the following: [JSONPath, JSONata]${value !== undefined ? `, not '${value}'` : ''}.`, node, {
      fixes: suggestion ? [this.replaceFix(`Change to '${suggestion}'`, node.start, node.end, suggestion)] : undefined,
    });
  }

  /** A `{StartAt, States}` object: the machine, a Parallel branch or a Map's ItemProcessor. */
  checkScope(container: ObjectNode, label: string, path: string, owner: PropertyNode | undefined, parent?: Scope): Scope {
    const scope: Scope = { label, names: new Map(), edges: new Map(), transitions: [], hasTerminal: false, terminalUnknown: false, dynamic: false, parent, assigned: new Map() };
    this.scopes.push(scope);
    const startAt = prop(container, 'StartAt');
    const states = prop(container, 'States');
    const where = label.charAt(0).toUpperCase() + label.slice(1);
    if (!startAt) this.missing(container, 'StartAt', where, owner);
    else if (startAt.value.kind === 'string') scope.startAt = startAt.value;
    else this.typeError(startAt.value, 'StartAt', 'a state name');
    if (!states) {
      this.missing(container, 'States', where, owner);
      return scope;
    }
    scope.statesKey = states;
    const statesObj = this.expectObject(states.value, 'States');
    if (!statesObj) return scope;
    scope.statesNode = statesObj;
    // Register names first so transitions can be resolved regardless of order.
    for (const entry of statesObj.entries) {
      // Only duplicate keys need it; reading an offset costs a parse when positions are lazy (parse/jsonNative.ts).
      if (this.doc.problems.length) this.stateKeyStarts.add(entry.keyStart);
      scope.names.set(entry.key, entry);
      this.checkStateName(entry, scope);
    }
    for (const entry of statesObj.entries) {
      if (entry.value.kind !== 'object') {
        this.typeError(entry.value, `States.${entry.key}`, 'a state object');
        continue;
      }
      this.checkState(entry, entry.value, scope, `${path}/States/${entry.key}`);
    }
    if (statesObj.entries.length === 0) {
      this.reportKey('asl/missing-field', 'error', `${where} has no states: 'States' must contain at least one state.`, states);
    }
    return scope;
  }

  private checkStateName(entry: PropertyNode, scope: Scope): void {
    const name = entry.key;
    // Code points, not UTF-16 units; counting is only needed past 80 units.
    const length = name.length <= MAX_STATE_NAME_LENGTH ? name.length : [...name].length;
    if (length === 0 || length > MAX_STATE_NAME_LENGTH) {
      this.reportKey('asl/invalid-state-name', 'error', `State names must be 1 to ${MAX_STATE_NAME_LENGTH} characters long; '${length === 0 ? '' : name.slice(0, 20) + '…'}' has ${length}.`, entry);
    }
    const earlier = this.allStates.get(name);
    if (earlier && earlier.scope !== scope) {
      this.reportKey('asl/duplicate-state-name', 'error', `State name '${name}' is already used in ${earlier.scope.label}. State names must be unique in the whole state machine, including Parallel branches and Map processors.`, entry, {
        related: [{ range: this.doc.lines.range(earlier.prop.keyStart, earlier.prop.keyEnd), message: `'${name}' is first defined here.` }],
      });
    } else if (!earlier) {
      this.allStates.set(name, { prop: entry, scope });
    }
  }

  /** Inner scopes may read outer variables but must not assign them (the spec; AWS's code is unverified). */
  private checkOuterAssignments(): void {
    for (const { name, entry, scope } of this.assignments) {
      for (let outer = scope.parent; outer; outer = outer.parent) {
        const there = outer.assigned.get(name);
        if (!there) continue;
        this.reportKey('asl/assign-outer-variable', 'warning', `'${name}' is a variable of ${outer.label}; states in ${scope.label} can read it but must not assign it. Use another name, or pass the value out through the ${scope.label.startsWith('branch') ? 'Parallel' : 'Map'} state's result.`, entry, {
          related: [{ range: this.doc.lines.range(there.keyStart, there.keyEnd), message: `'${name}' is assigned here.` }],
        });
        break;
      }
    }
  }

  private checkGraphs(): void {
    for (const scope of this.scopes) {
      // An unresolved target is reported once; the states it was meant to reach are not piled on.
      for (const t of scope.transitions) if (!this.checkTarget(t.target, scope, t.from)) scope.dynamic = true;
      // Without states, StartAt's target is not the problem to report.
      if (!scope.statesNode || scope.statesNode.entries.length === 0) continue;
      if (scope.startAt) this.checkTarget(scope.startAt, scope, undefined);
      if (!scope.hasTerminal && !scope.terminalUnknown && !scope.dynamic && scope.statesKey) {
        this.reportKey('asl/no-terminal-state', 'error', `${capitalize(scope.label)} has no terminal state: at least one state needs "End": true or must be a Succeed or Fail state.`, scope.statesKey);
      }
      const start = scope.startAt;
      if (!start || scope.dynamic || !scope.names.has(start.value)) continue;
      const seen = new Set<string>([start.value]);
      const queue = [start.value];
      while (queue.length) {
        const next = scope.edges.get(queue.pop()!);
        if (!next) continue;
        for (const n of next) if (!seen.has(n) && scope.names.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
      for (const [name, entry] of scope.names) {
        if (!seen.has(name)) this.reportKey('asl/unreachable-state', 'error', `State '${name}' is not reachable from '${start.value}': no Next, Default, Choices or Catch transition leads to it.`, entry, { data: { state: name } });
      }
    }
  }

  private checkTarget(target: StringNode, scope: Scope, from: string | undefined): boolean {
    const name = target.value;
    if (scope.names.has(name)) return true;
    if (hasPlaceholder(name)) return false;
    const field = from === undefined ? 'StartAt' : 'Next';
    const elsewhere = this.allStates.get(name);
    if (elsewhere) {
      this.reportNode('asl/transition-out-of-scope', 'error', `'${name}' is defined in ${elsewhere.scope.label}, but this transition is in ${scope.label}: transitions cannot enter or leave a Parallel branch or a Map's ItemProcessor.`, target, {
        related: [{ range: this.doc.lines.range(elsewhere.prop.keyStart, elsewhere.prop.keyEnd), message: `'${name}' is defined here.` }],
        data: { target: name },
      });
      return false;
    }
    // Suggestions cost an edit distance per state name: bounded, so a broken 1 MiB file stays fast.
    const suggestion = this.suggestionBudget-- > 0 ? suggest(name, scope.names.keys()) : undefined;
    const related = suggestion ? [{ range: this.doc.lines.range(scope.names.get(suggestion)!.keyStart, scope.names.get(suggestion)!.keyEnd), message: `'${suggestion}' is defined here.` }] : undefined;
    this.reportNode('asl/unknown-state', 'error', `Missing '${field}' target: there is no state named '${name}' in ${scope.label}.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`, target, {
      fixes: suggestion ? [this.replaceFix(`Change to '${suggestion}'`, target.start, target.end, suggestion)] : undefined,
      related,
      data: suggestion ? { target: name, suggestion } : { target: name },
    });
    return false;
  }

  // ---------------------------------------------------------------- states

  private checkState(entry: PropertyNode, node: ObjectNode, scope: Scope, path: string): void {
    const name = entry.key;
    const typeProp = prop(node, 'Type');
    if (!typeProp) {
      scope.terminalUnknown = true;
      this.reportKey('asl/missing-field', 'error', `State '${name}' is missing the required field 'Type'.`, entry, { data: { field: 'Type' } });
      return;
    }
    if (typeProp.value.kind !== 'string') {
      scope.terminalUnknown = true;
      this.typeError(typeProp.value, 'Type', `one of ${STATE_TYPES.join(', ')}`);
      return;
    }
    const typeName = typeProp.value.value;
    if (!(STATE_TYPES as readonly string[]).includes(typeName)) {
      scope.terminalUnknown = true;
      const suggestion = suggest(typeName, STATE_TYPES);
      this.reportNode('asl/invalid-state-type', 'error', `'${typeName}' is not a state type; use one of ${STATE_TYPES.join(', ')}.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`, typeProp.value, {
        fixes: suggestion ? [this.replaceFix(`Change to '${suggestion}'`, typeProp.value.start, typeProp.value.end, suggestion)] : undefined,
        data: suggestion ? { suggestion } : undefined,
      });
      return;
    }
    const type = typeName as StateType;
    let language: QueryLanguage = this.topLanguage;
    const ql = prop(node, 'QueryLanguage');
    if (ql) {
      if (ql.value.kind === 'string' && (ql.value.value === 'JSONPath' || ql.value.value === 'JSONata')) {
        if (ql.value.value === 'JSONPath' && this.topLanguage === 'JSONata') {
          this.reportNode('asl/query-language-conflict', 'error', `'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine.`, ql.value);
        } else {
          language = ql.value.value;
        }
      } else {
        this.invalidQueryLanguage(ql.value);
      }
    }
    const ctx: StateContext = { name, type, node, language, scope, path };
    const allowed = STATE_FIELDS[type];
    const transitionless = !TRANSITION_TYPES.has(type);
    this.checkFields(node, allowed, `${type} states`, language, { skip: transitionless ? SKIP_TRANSITION_FIELDS : undefined });
    const comment = prop(node, 'Comment');
    if (comment) this.expectString(comment.value, 'Comment');
    this.checkTransition(ctx, transitionless);
    this.checkCommonData(ctx);
    switch (type) {
      case 'Task': checkTask(this, ctx); break;
      case 'Choice': checkChoice(this, ctx); break;
      case 'Wait': checkWait(this, ctx); break;
      case 'Fail': checkFail(this, ctx); break;
      case 'Parallel': checkParallel(this, ctx); break;
      case 'Map': checkMap(this, ctx); break;
      // Pass (Result is any JSON) and Succeed have only the common data fields.
      case 'Pass': case 'Succeed': break;
    }
    if (type === 'Task' || type === 'Parallel' || type === 'Map') {
      const retry = prop(node, 'Retry');
      if (retry) checkRetry(this, retry.value);
      const c = prop(node, 'Catch');
      if (c) checkCatch(this, c.value, ctx);
    }
  }

  private checkTransition(ctx: StateContext, transitionless: boolean): void {
    const { node, scope, name, type } = ctx;
    const next = prop(node, 'Next');
    const end = prop(node, 'End');
    if (transitionless) {
      for (const p of [next, end]) {
        if (p) this.reportKey('asl/transition-not-allowed', 'error', `${type} states cannot have '${p.key}': ${type === 'Choice' ? 'a Choice state moves on through its Choices and Default' : `a ${type} state ends the execution`}.`, p);
      }
      if (TERMINAL_TYPES.has(type)) scope.hasTerminal = true;
      return;
    }
    let isEnd = false;
    if (end) {
      const v = end.value;
      if (v.kind === 'boolean') isEnd = v.value;
      else if (this.isSubstituted(v) || (v.kind === 'string' && WHOLE_PLACEHOLDER.test(v.value))) {
        isEnd = true;
        scope.dynamic = true;
        if (v.kind === 'string') this.placeholderInstead(v, 'true or false');
      } else this.typeError(v, 'End', 'true or false');
    }
    if (isEnd) scope.hasTerminal = true;
    if (next) {
      if (next.value.kind === 'string') {
        this.addEdge(scope, name, next.value);
        if (end && end.value.kind === 'boolean' && end.value.value) {
          this.reportKey('asl/next-and-end', 'error', `State '${name}' has both 'Next' and "End": true; a state either moves on or ends its scope.`, end);
        }
      } else {
        {
        scope.dynamic = true;
        this.typeError(next.value, 'Next', 'a state name');
      }
      }
    } else if (!isEnd && !(end && (this.isSubstituted(end.value) || end.value.kind === 'string'))) {
      const anchor = prop(node, 'Type')!;
      scope.terminalUnknown = true;
      this.reportKey('asl/missing-transition', 'error', `${type} state '${name}' needs either 'Next' or "End": true.`, anchor, { data: { state: name } });
    }
  }

  addEdge(scope: Scope, from: string, target: StringNode): void {
    scope.transitions.push({ target, from });
    if (hasPlaceholder(target.value)) scope.dynamic = true;
    const list = scope.edges.get(from);
    if (list) list.push(target.value);
    else scope.edges.set(from, [target.value]);
  }

  /** InputPath, OutputPath, ResultPath, Parameters, ResultSelector, Arguments, Output, Assign. */
  private checkCommonData(ctx: StateContext): void {
    const { node, language, type } = ctx;
    if (language === 'JSONPath') {
      for (const field of ['InputPath', 'OutputPath'] as const) {
        const p = prop(node, field);
        if (p && STATE_FIELDS[type][field]) this.checkPathField(p.value, field, 'path', { nullable: true, context: true, variables: true });
      }
      const rp = prop(node, 'ResultPath');
      if (rp && STATE_FIELDS[type].ResultPath) this.checkResultPath(rp.value);
      for (const field of ['Parameters', 'ResultSelector'] as const) {
        const p = prop(node, field);
        if (p && STATE_FIELDS[type][field]) this.checkPayloadTemplate(p.value, field);
      }
    } else {
      const args = prop(node, 'Arguments');
      if (args && STATE_FIELDS[type].Arguments) {
        if (args.value.kind !== 'object' && !(args.value.kind === 'string' && isJsonataString(args.value.value))) this.typeError(args.value, 'Arguments', 'an object or a JSONata expression {% … %}');
        else this.checkJsonataValue(args.value, { field: 'Arguments', stateType: type });
      }
      const output = prop(node, 'Output');
      if (output && STATE_FIELDS[type].Output) this.checkJsonataValue(output.value, { field: 'Output', stateType: type });
    }
    const assign = prop(node, 'Assign');
    if (assign && STATE_FIELDS[type].Assign) this.checkAssign(assign.value, language, { field: 'Assign', stateType: type }, ctx.scope);
  }

  checkResultPath(node: ValueNode): void {
    if (node.kind === 'string' && (node.value.startsWith('$$') || /^\$[^.[]/.test(node.value))) {
      if (!hasPlaceholder(node.value)) {
        this.reportNode('asl/invalid-reference-path', 'error', `'ResultPath' must be a reference path into the state's input ('$' or '$.field'); it cannot start with '$$' or name a variable.`, node);
      }
      return;
    }
    this.checkPathField(node, 'ResultPath', 'reference', { nullable: true, context: false, variables: false });
  }

  checkPathField(node: ValueNode, field: string, kind: PathKind, options: { nullable: boolean; context: boolean; variables: boolean; intrinsic?: boolean }): void {
    if (node.kind === 'null') {
      if (!options.nullable) this.typeError(node, field, kind === 'path' ? 'a path' : 'a reference path');
      return;
    }
    if (node.kind !== 'string') {
      this.typeError(node, field, kind === 'path' ? 'a path string' : 'a reference path string');
      return;
    }
    const text = node.value;
    if (hasPlaceholder(text)) return;
    if (options.intrinsic && looksLikeIntrinsic(text)) {
      if (this.leadingSpace(node, field, 'asl/invalid-reference-path')) return;
      this.checkIntrinsicString(node, text, field, true);
      return;
    }
    const problem = checkPath(text, kind, { context: options.context, variables: options.variables });
    if (problem) {
      this.reportNode(kind === 'path' ? 'asl/invalid-path' : 'asl/invalid-reference-path', 'error', `'${field}': ${problem.message}`, node);
    }
  }

  private checkIntrinsicString(node: StringNode, text: string, field: string, mustReturnString = false): void {
    const result = checkIntrinsic(text);
    for (const issue of result.issues) this.reportNode(issue.code, issue.severity, `'${field}': ${issue.message}`, node, issue.data ? { data: issue.data } : undefined);
    if (mustReturnString && result.call && INTRINSIC_FUNCTIONS[result.call.name] && !INTRINSIC_FUNCTIONS[result.call.name].returnsString) {
      const allowed = Object.keys(INTRINSIC_FUNCTIONS).filter((f) => INTRINSIC_FUNCTIONS[f].returnsString);
      this.reportNode('asl/fail-path-intrinsic', 'error', `'${field}' accepts only ${allowed.join(', ')}, not ${result.call.name}; use one of those or a reference path.`, node, { data: { function: result.call.name } });
    }
  }

  /** A `.$` value or ErrorPath/CausePath must start with `$` or the function name: AWS reads ' $.x' and ' States.UUID()' as neither. */
  private leadingSpace(node: StringNode, field: string, code: string): boolean {
    if (!/^\s/.test(node.value)) return false;
    const trimmed = node.value.trimStart();
    this.reportNode(code, 'error', `'${field}' starts with white space, so it is neither a path nor an intrinsic function call; remove the leading space.`, node, {
      fixes: [this.replaceFix('Remove the leading space', node.start, node.end, trimmed)],
    });
    return true;
  }

  /**
   * JSONPath payload templates: `key.$` values are paths or intrinsic calls; keys stay unique
   * without `.$`. Any JSON type is accepted as the template itself (ASLS accepts any; AWS is
   * unverified), so only the contents are checked.
   */
  checkPayloadTemplate(node: ValueNode, field: string, depth = 0): void {
    if (depth > 64) return;
    if (node.kind === 'object') {
      // Only keys ending in '.$' can collide with another key once the suffix is removed.
      const seen = node.entries.some((e) => e.key.endsWith('.$')) ? new Map<string, PropertyNode>() : undefined;
      for (const entry of node.entries) {
        const dynamic = entry.key.endsWith('.$');
        if (seen) {
          const bare = dynamic ? entry.key.slice(0, -2) : entry.key;
          const earlier = seen.get(bare);
          if (earlier && earlier.key !== entry.key) {
            this.reportKey('asl/duplicate-field', 'error', `'${entry.key}' and '${earlier.key}' both produce the field '${bare}'.`, entry, { related: [{ range: this.doc.lines.range(earlier.keyStart, earlier.keyEnd), message: 'The other one.' }] });
          }
          seen.set(bare, entry);
        }
        if (dynamic) this.checkDynamicValue(entry, field);
        else this.checkPayloadTemplate(entry.value, field, depth + 1);
      }
    } else if (node.kind === 'array') {
      for (const item of node.items) this.checkPayloadTemplate(item, field, depth + 1);
    } else if (node.kind === 'string') {
      const v = node.value;
      if (isJsonataString(v)) {
        this.reportNode('asl/jsonata-in-jsonpath-state', 'warning', `This state uses JSONPath, so '${abbreviate(v)}' is passed on as a literal string, not evaluated. Set "QueryLanguage": "JSONata" on the state to evaluate it.`, node);
      } else if ((v.startsWith('$.') || v.startsWith('$$.') || v.startsWith('$[')) && !hasPlaceholder(v)) {
        this.reportNode('asl/missing-dollar-suffix', 'warning', `'${abbreviate(v)}' looks like a path but is passed on as a literal string because its key does not end in '.$'.`, node);
      } else if (looksLikeIntrinsic(v) && v.startsWith('States.')) {
        this.reportNode('asl/missing-dollar-suffix', 'warning', `'${abbreviate(v)}' looks like an intrinsic function call but is passed on as a literal string because its key does not end in '.$'.`, node);
      }
    }
  }

  private checkDynamicValue(entry: PropertyNode, field: string): void {
    const v = entry.value;
    const message = `The value for the field '${entry.key}' must be a valid JSONPath or a valid intrinsic function call.`;
    if (v.kind !== 'string') {
      this.reportNode('asl/invalid-dollar-value', 'error', `${message} It is ${describe(v)}.`, v);
      return;
    }
    const text = v.value;
    if (hasPlaceholder(text)) return;
    if (this.leadingSpace(v, entry.key, 'asl/invalid-dollar-value')) return;
    if (text.startsWith('$')) {
      const problem = checkPath(text, 'path', { context: true, variables: true });
      if (problem) this.reportNode('asl/invalid-path', 'error', `'${entry.key}' in ${field}: ${problem.message}`, v);
      return;
    }
    if (looksLikeIntrinsic(text)) {
      this.checkIntrinsicString(v, text, entry.key);
      return;
    }
    this.reportNode('asl/invalid-dollar-value', 'error', `${message} Remove '.$' from the key to pass '${abbreviate(text)}' as a literal.`, v);
  }

  checkAssign(node: ValueNode, language: QueryLanguage, place: JsonataPlace, scope: Scope): void {
    const obj = this.expectObject(node, 'Assign');
    if (!obj) return;
    for (const entry of obj.entries) {
      const name = language === 'JSONPath' && entry.key.endsWith('.$') ? entry.key.slice(0, -2) : entry.key;
      if (!scope.assigned.has(name)) scope.assigned.set(name, entry);
      if (scope.parent) this.assignments.push({ name, entry, scope });
      if (name === 'states') this.reportKey('asl/invalid-variable-name', 'error', `'states' is reserved and cannot be assigned.`, entry);
      else if (name.length > MAX_VARIABLE_NAME_LENGTH || !VARIABLE_NAME.test(name)) {
        this.reportKey('asl/invalid-variable-name', 'error', `'${abbreviate(name)}' is not a valid variable name: up to ${MAX_VARIABLE_NAME_LENGTH} characters, starting with a letter or '_' and followed by letters, digits or '_'.`, entry);
      }
    }
    if (language === 'JSONPath') this.checkPayloadTemplate(obj, 'Assign');
    else this.checkJsonataValue(obj, place);
  }

  // ---------------------------------------------------------------- JSONata

  /** Walks a JSONata-mode value: every `{% %}` string is an expression; other values are literals. */
  checkJsonataValue(node: ValueNode, place: JsonataPlace, depth = 0): void {
    if (depth > 64) return;
    if (node.kind === 'string') {
      this.checkJsonataString(node, place);
    } else if (node.kind === 'object') {
      for (const e of node.entries) this.checkJsonataValue(e.value, place, depth + 1);
    } else if (node.kind === 'array') {
      for (const item of node.items) this.checkJsonataValue(item, place, depth + 1);
    }
  }

  checkJsonataString(node: StringNode, place: JsonataPlace): void {
    const v = node.value;
    if (!isJsonataString(v)) {
      if (isUnterminatedJsonata(v)) this.reportNode('asl/jsonata-unterminated', 'warning', `'${abbreviate(v)}' starts a JSONata expression with '{%' but does not end with '%}', so it is a literal string.`, node);
      return;
    }
    const expression = v.slice(2, -2);
    if (expression.trim() === '') {
      this.reportNode('asl/invalid-jsonata', 'error', 'The JSONata expression is empty.', node);
      return;
    }
    if (hasPlaceholder(expression)) return;
    this.jsonataStrings.push({ node, place, expression });
  }

  private checkJsonataExpressions(): void {
    analyzeJsonataAll(this.jsonataStrings.map((j) => j.expression));
    for (const { node, place, expression } of this.jsonataStrings) this.reportJsonata(node, place, analyzeJsonata(expression));
  }

  private reportJsonata(node: StringNode, place: JsonataPlace, a: ReturnType<typeof analyzeJsonata>): void {
    if (a.syntaxError) {
      const at = a.errorPosition !== undefined ? this.offsetInString(node, 2 + Math.max(0, a.errorPosition - 1)) : undefined;
      const message = `Invalid JSONata expression in '${place.field}': ${a.syntaxError}.`;
      if (at !== undefined) this.report('asl/invalid-jsonata', 'error', message, at, Math.min(at + 1, node.end));
      else this.reportNode('asl/invalid-jsonata', 'error', message, node);
      return;
    }
    for (const ref of a.topLevelReferences) {
      const message = ref === '$' || ref === '$$'
        ? `Reference to '${ref}' is not supported in Step Functions JSONata; read the state input with $states.input.`
        : `Reference to '${ref}' at the top level is not supported; use $states.input.${ref} for the state input or $${ref} for a variable.`;
      this.reportNode('asl/jsonata-top-level-reference', 'error', message, node, { data: { reference: ref } });
    }
    if (a.usesErrorOutput && !place.inCatcher) {
      this.reportNode('asl/jsonata-states-unavailable', 'error', `'$states.errorOutput' is only available in a Catch's Output and Assign.`, node);
    }
    if (a.usesResult) {
      if (place.field === 'Arguments') {
        this.reportNode('asl/jsonata-states-unavailable', 'error', `'$states.result' is not available in Arguments: the task has not run yet.`, node);
      } else if (place.inCatcher || !(place.field === 'Output' || place.field === 'Assign') || !(place.stateType === 'Task' || place.stateType === 'Map' || place.stateType === 'Parallel')) {
        this.reportNode('asl/jsonata-result-unavailable', 'warning', `'$states.result' is only set in the Output and Assign of Task, Map and Parallel states.`, node);
      }
    }
  }


}

const SKIP_TRANSITION_FIELDS: ReadonlySet<string> = new Set(['Next', 'End']);
