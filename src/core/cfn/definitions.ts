// State machine definitions inside templates get the full ASL checks (src/core/asl, unchanged),
// with every finding on the template's characters:
// - an inline `Definition` object is checked in place; intrinsics in it become placeholders,
//   as SAM and CloudFormation resolve them before Step Functions sees the text;
// - a `DefinitionString` that is a literal, a Fn::Sub or a Fn::Join is assembled as text with the
//   source of every character (MappedText); computed parts are placeholders, and if the assembled
//   text only fails to parse because of them, it is not judged;
// - a `DefinitionUri` file is checked with its own findings, in context (checkLinkedDefinition).
// Substitutions with literal values are applied first (cfn-facts §2: plain text replacement), so a
// literal ARN or number is checked where it lands.

import type { Finding } from '../findings';
import { validateAsl } from '../asl/validate';
import { LineIndex, parseDocument, type ParsedDocument } from '../parse/document';
import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from '../parse/node';
import { intrinsicOf, subVariables, unescapeSub } from './parse';
import { stringContentStart, type TemplateReporter } from './report';
import { alignString, MappedText } from './sourceMap';
import { addSubstitutionFix, isProvided, markUsed, placeholdersIn, readSubstitutions, reportUnused, type PlaceholderUse, type Substitutions } from './substitutions';
import { PSEUDO_PARAMETERS, type TemplateModel, type TemplateResource } from './template';
import { present, stateMachineNames, STATE_MACHINE_TYPES } from './resources';
import { knownString } from './parse';

export type DefinitionSource = 'Definition' | 'DefinitionString' | 'DefinitionUri' | 'DefinitionS3Location';
const SOURCES: Record<string, DefinitionSource[]> = {
  'AWS::StepFunctions::StateMachine': ['Definition', 'DefinitionString', 'DefinitionS3Location'],
  'AWS::Serverless::StateMachine': ['Definition', 'DefinitionUri'],
};

export interface StateMachineDefinition {
  resource: TemplateResource;
  sources: { source: DefinitionSource; prop: PropertyNode }[];
  substitutions: Substitutions;
  type?: 'STANDARD' | 'EXPRESS';
}

export function stateMachineDefinitions(model: TemplateModel): StateMachineDefinition[] {
  const out: StateMachineDefinition[] = [];
  for (const resource of model.resources) {
    if (!resource.type || !STATE_MACHINE_TYPES.has(resource.type) || !resource.properties) continue;
    const sources = SOURCES[resource.type].flatMap((source) => {
      const prop = present(resource.properties, source);
      return prop ? [{ source, prop }] : [];
    });
    const typeValue = knownString(present(resource.properties, stateMachineNames(resource.type).type)?.value);
    out.push({ resource, sources, substitutions: readSubstitutions(resource.properties), type: typeValue === 'STANDARD' || typeValue === 'EXPRESS' ? typeValue : undefined });
  }
  return out;
}

export interface DefinitionHooks {
  /** The placeholders of a DefinitionUri file, when it can be read (for the unused-substitution check). */
  filePlaceholders(def: StateMachineDefinition, prop: PropertyNode): PlaceholderUse[] | undefined;
}

/** One state machine resource: where its definition comes from, its ASL findings, its substitutions. */
export function checkDefinition(report: TemplateReporter, model: TemplateModel, def: StateMachineDefinition, hooks: DefinitionHooks): void {
  const { resource, sources } = def;
  const sam = resource.type === 'AWS::Serverless::StateMachine';
  if (sources.length === 0) {
    const choices = sam ? 'Definition or DefinitionUri' : 'Definition, DefinitionString or DefinitionS3Location';
    report.key('cfn/definition-missing', 'error', `The state machine '${resource.logicalId}' has no definition: set ${choices}.`, resource.propertiesProp ?? resource.idProp);
    return;
  }
  if (sources.length > 1) {
    for (const extra of sources.slice(1)) {
      report.key('cfn/definition-conflict', 'error', `The state machine '${resource.logicalId}' has both ${sources[0].source} and ${extra.source}: ${sam ? 'SAM' : 'CloudFormation'} accepts exactly one.`, extra.prop, { fixes: [report.removeFix(`Remove ${extra.source}`, extra.prop)] });
    }
  }
  const { source, prop } = sources[0];
  const used = new Set<string>();
  let complete = true;
  if (source === 'Definition') {
    checkInline(report, model, def, prop, used);
  } else if (source === 'DefinitionString') {
    complete = checkString(report, model, def, prop, used);
  } else if (source === 'DefinitionUri') {
    const placeholders = hooks.filePlaceholders(def, prop);
    if (placeholders) for (const p of placeholders) markUsed(p.name, used);
    else complete = false;
  } else {
    complete = false;
  }
  if (complete) reportUnused(report, resource, def.substitutions, used);
}

// ------------------------------------------------------------------ inline Definition

function checkInline(report: TemplateReporter, model: TemplateModel, def: StateMachineDefinition, prop: PropertyNode, used: Set<string>): void {
  const root = prop.value;
  if (root.kind !== 'object' || intrinsicOf(root)) return;
  const subs = def.substitutions;
  // Placeholders CloudFormation leaves for DefinitionSubstitutions: `${X}` in plain strings, `${!X}` in Fn::Sub.
  const walk = (node: ValueNode, inName: boolean): void => {
    const fn = intrinsicOf(node);
    if (fn) {
      if (NAME_ARGUMENTS.has(fn.name)) return;
      if (fn.name === 'Fn::Sub') {
        const template = fn.args.kind === 'array' ? fn.args.items[0] : fn.args;
        if (template?.kind === 'string') {
          for (const m of template.value.matchAll(/\$\{!([^{}\s"]+)\}/g)) placeholder(template, m[1], m.index!, m[0].length);
          checkSubVariables(report, model, def, fn.args);
        }
        return;
      }
      walk(fn.args, inName);
      return;
    }
    if (node.kind === 'object') for (const e of node.entries) walk(e.value, inName);
    else if (node.kind === 'array') for (const i of node.items) walk(i, inName);
    else if (node.kind === 'string' && !inName) for (const p of placeholdersIn(node.value)) placeholder(node, p.name, p.start, p.end - p.start);
  };
  const missing = new Set<string>();
  const placeholder = (node: StringNode, name: string, index: number, length: number): void => {
    markUsed(name, used);
    if (isProvided(name, subs)) return;
    missing.add(name);
    report.inString('cfn/substitution-missing', 'error', missingMessage(name, def.resource.logicalId, undefined), node, index, index + length, {
      fixes: optional(addSubstitutionFix(report, model, def.resource, subs, name)),
      data: { placeholder: name },
    });
  };
  walk(root, false);
  const asl: ParsedDocument = { text: report.doc.text, format: report.doc.format, root: aslTree(root, subs), problems: [], lines: report.doc.lines };
  for (const f of validateAsl(asl, def.type ? { type: def.type } : undefined)) {
    // The size limit is the definition's, not the template's (checked on the serialized object by the service).
    if (f.code === 'asl/definition-too-large' || answered(f, subs, missing)) continue;
    report.findings.push(f);
  }
}

const NO_SUBSTITUTIONS: Substitutions = { byKey: new Map() };

/** Arguments that are names (of resources, parameters, mappings), never definition text. */
const NAME_ARGUMENTS = new Set(['Ref', 'Condition', 'Fn::GetAtt', 'Fn::FindInMap', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Cidr']);

/** An inline Definition with its intrinsics as `${…}` placeholder text and substitutions left as written (for drawing). */
export function inlineDefinitionTree(node: ValueNode): ValueNode {
  return aslTree(node, NO_SUBSTITUTIONS);
}

/** The definition as Step Functions will see it: intrinsics as placeholders, literal substitutions applied. */
function aslTree(node: ValueNode, subs: Substitutions): ValueNode {
  const fn = intrinsicOf(node);
  if (fn) {
    const text = fn.name === 'Fn::Sub'
      ? (() => {
        const template = fn.args.kind === 'array' ? fn.args.items[0] : fn.args;
        return template?.kind === 'string' ? unescapeSub(template.value) : '${Fn::Sub}';
      })()
      : placeholderFor(fn.name, fn.args);
    return { kind: 'string', value: substitute(text, subs), start: node.start, end: node.end };
  }
  switch (node.kind) {
    case 'object':
      return { ...node, entries: node.entries.map((e) => ({ ...e, value: aslTree(e.value, subs) })) } as ObjectNode;
    case 'array':
      return { ...node, items: node.items.map((i) => aslTree(i, subs)) } as ArrayNode;
    case 'string': {
      if (!node.value.includes('${')) return node;
      const value = substitute(node.value, subs);
      return value === node.value ? node : { ...node, value };
    }
    default:
      return node;
  }
}

/** `${Name}` for a Ref, `${Res.Attr}` for a GetAtt, `${Fn::Join}` for anything else: a value known only at deploy time. */
function placeholderFor(name: string, args: ValueNode): string {
  if (name === 'Ref' && args.kind === 'string') return `\${${args.value}}`;
  if (name === 'Fn::GetAtt' && args.kind === 'array') return `\${${args.items.map((i) => (i.kind === 'string' ? i.value : 'X')).join('.')}}`;
  return `\${${name}}`;
}

/** Literal substitutions applied as the provider does (text replacement of `${key}`). */
function substitute(text: string, subs: Substitutions): string {
  if (!text.includes('${') || subs.byKey.size === 0) return text;
  return text.replace(/\$\{([^{}\s"]+)\}/g, (whole, name: string) => subs.byKey.get(name)?.literal ?? whole);
}

// ------------------------------------------------------------------ DefinitionString

/** Returns whether the whole text is known (for the unused-substitution check). */
function checkString(report: TemplateReporter, model: TemplateModel, def: StateMachineDefinition, prop: PropertyNode, used: Set<string>): boolean {
  const mapped = assembleDefinitionString(report.doc.text, prop.value, (args) => checkSubVariables(report, model, def, args));
  if (!mapped) return false;
  checkText(report, model, def, mapped, used, undefined);
  return true;
}

/**
 * A DefinitionString (a literal, a Fn::Sub or a Fn::Join) as the text CloudFormation assembles, with
 * the template offset of every character; computed parts are placeholders. Undefined when a part
 * is not known. `onSub` sees each Fn::Sub's arguments (for the variable check).
 */
export function assembleDefinitionString(source: string, value: ValueNode, onSub?: (args: ValueNode) => void): MappedText | undefined {
  const mapped = new MappedText();
  const fn = intrinsicOf(value);
  let complete = true;
  const appendString = (node: StringNode, sub: boolean): void => {
    const offsets = alignString(source, node);
    if (!sub) {
      mapped.push(node.value, offsets, node.start, node.end);
      return;
    }
    // Fn::Sub: `${X}` is CloudFormation's (computed); `${!X}` is a literal `${X}`.
    let last = 0;
    const vars = subVariables(node.value);
    for (const v of vars) {
      appendSubLiteral(node, offsets, last, v.index);
      const at = offsets ? offsets[v.index] : node.start;
      mapped.pushComputed(node.value.slice(v.index, v.index + v.length), at, offsets ? offsets[v.index + v.length - 1] + 1 : node.end);
      last = v.index + v.length;
    }
    appendSubLiteral(node, offsets, last, node.value.length);
  };
  const appendSubLiteral = (node: StringNode, offsets: Int32Array | undefined, from: number, to: number): void => {
    const piece = node.value.slice(from, to);
    const text = unescapeSub(piece);
    if (text === piece) {
      mapped.push(piece, offsets?.subarray(from, to), node.start, node.end);
      return;
    }
    // Drop each `!` of `${!`, keeping the other characters' offsets.
    const kept: number[] = [];
    for (let i = from; i < to; i++) if (!(node.value[i] === '!' && node.value[i - 1] === '{' && node.value[i - 2] === '$')) kept.push(offsets ? offsets[i] : -1);
    mapped.push(text, offsets ? kept : undefined, node.start, node.end);
  };
  const appendPart = (part: ValueNode): void => {
    const partFn = intrinsicOf(part);
    if (part.kind === 'string') appendString(part, false);
    else if (partFn?.name === 'Fn::Sub') appendSub(partFn.args);
    else if (partFn) mapped.pushComputed(placeholderFor(partFn.name, partFn.args), part.start, part.end);
    else if (part.kind === 'number' || part.kind === 'boolean') mapped.push(String(part.value), undefined, part.start, part.end);
    else complete = false;
  };
  const appendSub = (args: ValueNode): void => {
    const template = args.kind === 'array' ? args.items[0] : args;
    if (template?.kind === 'string') {
      appendString(template, true);
      onSub?.(args);
    } else {
      complete = false;
    }
  };
  if (value.kind === 'string') appendString(value, false);
  else if (fn?.name === 'Fn::Sub') appendSub(fn.args);
  else if (fn?.name === 'Fn::Join' && fn.args.kind === 'array' && fn.args.items[1]?.kind === 'array' && !intrinsicOf(fn.args.items[1])) {
    const delimiter = fn.args.items[0];
    const delimiterText = delimiter?.kind === 'string' ? delimiter.value : undefined;
    if (delimiterText === undefined) return undefined;
    (fn.args.items[1] as ArrayNode).items.forEach((part, i) => {
      if (i > 0) mapped.push(delimiterText, undefined, delimiter!.start, delimiter!.end);
      appendPart(part);
    });
  } else {
    return undefined;
  }
  return complete ? mapped : undefined;
}

/**
 * Checks assembled definition text: missing substitutions at each `${X}`, then the ASL rules on
 * the text with literal substitutions applied, findings mapped back through `mapped`.
 */
function checkText(report: TemplateReporter, model: TemplateModel, def: StateMachineDefinition, mapped: MappedText, used: Set<string>, file: string | undefined): void {
  const text = mapped.text;
  const subs = def.substitutions;
  const uses = placeholdersIn(text, (offset) => mapped.isComputed(offset));
  const missing = new Set<string>();
  for (const p of uses) {
    markUsed(p.name, used);
    if (isProvided(p.name, subs)) continue;
    missing.add(p.name);
    const [start, end] = mapped.source(p.start, p.end);
    report.span('cfn/substitution-missing', 'error', missingMessage(p.name, def.resource.logicalId, file), start, end, {
      fixes: optional(addSubstitutionFix(report, model, def.resource, subs, p.name)),
      data: { placeholder: p.name },
    });
  }
  for (const f of validateMappedText(mapped, uses, subs, def.type, 'json', report.doc.lines)) if (!answered(f, subs, missing)) report.findings.push(f);
}

/** A placeholder warning is answered by the missing-substitution error, or by a literal value. */
export function answered(f: Finding, subs: Substitutions, missing: ReadonlySet<string>): boolean {
  if (f.code !== 'asl/placeholder-not-a-number' || typeof f.data?.placeholder !== 'string') return false;
  return missing.has(f.data.placeholder) || subs.byKey.get(f.data.placeholder)?.literal !== undefined;
}

/**
 * ASL findings on text with literal substitutions applied, mapped back to the source through
 * `mapped` and `lines` (the source's line index). Parse errors caused by computed parts are dropped.
 */
export function validateMappedText(mapped: MappedText, uses: PlaceholderUse[], subs: Substitutions, type: 'STANDARD' | 'EXPRESS' | undefined, format: 'json' | 'yaml', lines: LineIndex, keepFixes = false): Finding[] {
  const substitutedAny = uses.some((p) => subs.byKey.get(p.name)?.literal !== undefined);
  const finalMap = substitutedAny ? compose(mapped, uses, subs) : mapped;
  const finalText = finalMap.text;
  // validateAsl re-reads JSON with unquoted placeholders itself (and warns about them).
  const doc = parseDocument(finalText, format);
  const localLines = doc.lines;
  const out: Finding[] = [];
  const hasComputed = mapped.computed.length > 0;
  let findings = validateAsl(doc, type ? { type } : undefined);
  // A substituted value that breaks the syntax: the parse error at its placeholder says it all.
  if (substitutedAny && findings.some((f) => f.code === 'parse/syntax')) findings = findings.filter((f) => f.code.startsWith('parse/'));
  for (const f of findings) {
    if (hasComputed && f.code.startsWith('parse/')) continue;
    const localStart = localLines.offsetAt(f.range.start);
    // CloudFormation fills a computed part (a Ref in a Fn::Join) itself: not a placeholder to warn about.
    if (f.code === 'asl/placeholder-not-a-number' && finalMap.isComputed(localStart)) continue;
    const [start, end] = finalMap.source(localStart, localLines.offsetAt(f.range.end));
    const moved: Finding = { ...f, range: lines.range(start, end) };
    // Fixes and related places were computed on the assembled text: keep them only where it is the source's own.
    if (f.fixes) moved.fixes = keepFixes && !substitutedAny ? f.fixes : undefined;
    if (!moved.fixes) delete moved.fixes;
    if (f.related) moved.related = f.related.map((r) => {
      const [a, b] = finalMap.source(localLines.offsetAt(r.range.start), localLines.offsetAt(r.range.end));
      return { ...r, range: lines.range(a, b) };
    });
    out.push(moved);
  }
  return out;
}

/** `mapped` with each literal-substituted placeholder replaced by its value (mapped to the placeholder). */
function compose(mapped: MappedText, uses: PlaceholderUse[], subs: Substitutions): MappedText {
  const text = mapped.text;
  const out = new MappedText();
  let last = 0;
  const copy = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const [s, e] = mapped.source(i, i + 1);
      out.push(text[i], e === s + 1 ? [s] : undefined, s, e);
      if (mapped.isComputed(i)) out.computed.push([out.length - 1, out.length]);
    }
  };
  for (const p of uses) {
    const literal = subs.byKey.get(p.name)?.literal;
    if (literal === undefined) continue;
    copy(last, p.start);
    const [s, e] = mapped.source(p.start, p.end);
    out.push(literal, undefined, s, e);
    last = p.end;
  }
  copy(last, text.length);
  return out;
}

/**
 * `${X}` in Fn::Sub must name a parameter, resource (`${R.Attr}`), pseudo parameter or variable of the
 * Sub's own map; otherwise CloudFormation rejects the template ("Unresolved resource dependencies").
 * SAM adds resources of its own (`<Id>Role`, `ServerlessRestApi`), so in a SAM template only a name
 * that is a DefinitionSubstitutions key is reported: there the `${!X}` escape was clearly meant.
 */
function checkSubVariables(report: TemplateReporter, model: TemplateModel, def: StateMachineDefinition, args: ValueNode): void {
  const template = args.kind === 'array' ? args.items[0] : args;
  if (template?.kind !== 'string') return;
  const vars = args.kind === 'array' && args.items[1]?.kind === 'object' ? new Set(args.items[1].entries.map((e) => e.key)) : new Set<string>();
  for (const v of subVariables(template.value)) {
    const name = v.name;
    const head = name.split('.')[0];
    if (vars.has(name) || PSEUDO_PARAMETERS.has(name) || model.parameters.has(name) || model.resourceIds.has(head)) continue;
    const isKey = def.substitutions.byKey.has(name);
    if (model.sam && !isKey) continue;
    const offset = stringContentStart(report.doc.text, template);
    report.inString('cfn/sub-unresolved', 'error', `'\${${name}}' in Fn::Sub names no parameter, resource or pseudo parameter, so CloudFormation rejects the template ("Unresolved resource dependencies [${name}]").${isKey ? ` To leave it for DefinitionSubstitutions, write '\${!${name}}'.` : ''}`, template, v.index, v.index + v.length, {
      fixes: isKey && offset !== undefined ? [{ title: `Escape as '\${!${name}}' for DefinitionSubstitutions`, preferred: true, edits: [{ range: report.doc.lines.range(offset + v.index + 2, offset + v.index + 2), newText: '!' }] }] : undefined,
      data: { variable: name },
    });
  }
}

export function missingMessage(name: string, logicalId: string, file: string | undefined): string {
  const where = file ? `in ${file} (resource '${logicalId}')` : `of '${logicalId}'`;
  return `'\${${name}}' has no entry in the DefinitionSubstitutions ${where}: CloudFormation leaves it in place, and the deployed definition is broken. Add '${name}' to DefinitionSubstitutions, or write the value itself.`;
}

function optional<T>(value: T | undefined): T[] | undefined {
  return value === undefined ? undefined : [value];
}
