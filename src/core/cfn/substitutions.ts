// DefinitionSubstitutions, both ways: every `${X}` the definition keeps after CloudFormation has
// resolved it needs a key (the provider replaces text, and leaves an unknown `${X}` in place:
// cfn-facts §2 b); every key should be used (§2 a); literal values are checked after substitution.

import type { Fix } from '../findings';
import type { ObjectNode, PropertyNode, ValueNode } from '../parse/node';
import { property } from '../parse/node';
import { intrinsicOf, knownString, objectOf } from './parse';
import type { TemplateReporter } from './report';
import { valueEnd } from './report';
import type { TemplateModel, TemplateResource } from './template';

/** A `${X}` in definition text. */
export interface PlaceholderUse {
  name: string;
  /** Offsets in the text it was found in. */
  start: number;
  end: number;
}

const PLACEHOLDER = /\$\{([^{}\s"]+)\}/g;

/** `${X}` tokens in text; `skip` tells which offsets CloudFormation computes. */
export function placeholdersIn(text: string, skip?: (offset: number) => boolean): PlaceholderUse[] {
  const out: PlaceholderUse[] = [];
  if (!text.includes('${')) return out;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m[1].startsWith('!') || skip?.(m.index!)) continue;
    out.push({ name: m[1], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

export interface Substitution {
  key: string;
  prop: PropertyNode;
  /** The value as text, when it is a literal (or a Fn::Sub without variables). */
  literal?: string;
  /** Whether the literal is a number or boolean (so it may stand where one goes). */
  scalar?: boolean;
}

export interface Substitutions {
  prop?: PropertyNode;
  map?: ObjectNode;
  byKey: Map<string, Substitution>;
}

export function readSubstitutions(props: ObjectNode | undefined): Substitutions {
  const prop = property(props, 'DefinitionSubstitutions');
  const map = objectOf(prop?.value);
  const byKey = new Map<string, Substitution>();
  for (const entry of map?.entries ?? []) {
    const v = entry.value;
    let literal: string | undefined;
    let scalar = false;
    if (v.kind === 'number' || v.kind === 'boolean') {
      literal = v.kind === 'number' ? (v.raw ?? String(v.value)) : String(v.value);
      scalar = true;
    } else {
      literal = knownString(v);
    }
    byKey.set(entry.key, { key: entry.key, prop: entry, literal, scalar });
  }
  return { prop, map, byKey };
}

/** Whether a placeholder has a key; `${a,b}` (documented, not in the provider's code) counts when every name does. */
export function isProvided(name: string, subs: Substitutions): boolean {
  if (subs.byKey.has(name)) return true;
  return name.includes(',') && name.split(',').every((n) => subs.byKey.has(n.trim()));
}

export function markUsed(name: string, used: Set<string>): void {
  used.add(name);
  if (name.includes(',')) for (const n of name.split(',')) used.add(n.trim());
}

/** The unused-key warnings, at each key, with a fix that removes it. */
export function reportUnused(report: TemplateReporter, resource: TemplateResource, subs: Substitutions, used: Set<string>): void {
  if (!subs.map) return;
  for (const entry of subs.map.entries) {
    if (used.has(entry.key)) continue;
    const fix = subs.map.entries.length === 1 && subs.prop
      ? report.removeFix(`Remove DefinitionSubstitutions (its only key '${entry.key}' is unused)`, subs.prop)
      : report.removeFix(`Remove the unused substitution '${entry.key}'`, entry);
    report.key('cfn/substitution-unused', 'warning', `No placeholder in the definition of '${resource.logicalId}' uses the substitution '${entry.key}' ('\${${entry.key}}'): it has no effect.`, entry, { fixes: [fix], data: { substitution: entry.key, unnecessary: true } });
  }
}

/** What the new substitution's value should be: a guess from the template's names, else an empty string to fill in. */
function guessValue(name: string, model: TemplateModel, json: boolean): { text: string; described: string } {
  const ref = (target: string) => (json ? `{ "Ref": ${JSON.stringify(target)} }` : `!Ref ${target}`);
  const getAtt = (target: string, attr: string) => (json ? `{ "Fn::GetAtt": [${JSON.stringify(target)}, ${JSON.stringify(attr)}] }` : `!GetAtt ${target}.${attr}`);
  if (model.parameters.has(name) || model.resourceIds.has(name)) return { text: ref(name), described: `Ref ${name}` };
  const m = /^(.+?)(Arn|Name|Url)$/.exec(name);
  if (m && model.resourceIds.has(m[1])) return m[2] === 'Name' ? { text: ref(m[1]), described: `Ref ${m[1]}` } : { text: getAtt(m[1], m[2]), described: `GetAtt ${m[1]}.${m[2]}` };
  return { text: '""', described: 'an empty value to fill in' };
}

/**
 * A fix that adds `name` to the resource's DefinitionSubstitutions (creating the map after the
 * definition property when there is none). `file` names the template when the finding is elsewhere.
 */
export function addSubstitutionFix(report: TemplateReporter, model: TemplateModel, resource: TemplateResource, subs: Substitutions, name: string, file?: string): Fix | undefined {
  const doc = report.doc;
  const text = doc.text;
  const json = doc.format === 'json';
  const value = guessValue(name, model, json);
  const key = json || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) ? JSON.stringify(name) : name;
  const edit = (offset: number, newText: string): Fix => ({
    title: `Add '${name}' to DefinitionSubstitutions of '${resource.logicalId}' (${value.described})`,
    preferred: true,
    edits: [{ range: doc.lines.range(offset, offset), newText, ...(file ? { file } : {}) }],
  });
  const last = subs.map?.entries[subs.map.entries.length - 1];
  if (subs.map && last) {
    const at = valueEnd(text, last.value);
    if (isBlock(text, last)) return edit(at, `\n${indentOf(text, last.keyStart)}${key}: ${value.text}`);
    return edit(at, `, ${key}: ${value.text}`);
  }
  if (subs.map) {
    // `{}`: fill it.
    return edit(subs.map.start + 1, ` ${key}: ${value.text} `);
  }
  const anchor = ['DefinitionUri', 'Definition', 'DefinitionString', 'DefinitionS3Location'].map((k) => property(resource.properties, k)).find((p) => p !== undefined);
  if (!anchor) return undefined;
  const at = valueEnd(text, anchor.value);
  if (isBlock(text, anchor)) {
    const indent = indentOf(text, anchor.keyStart);
    return edit(at, `\n${indent}DefinitionSubstitutions:\n${indent}  ${key}: ${value.text}`);
  }
  return edit(at, `, ${json ? '"DefinitionSubstitutions"' : 'DefinitionSubstitutions'}: { ${key}: ${value.text} }`);
}

/** A block-style YAML entry: its key starts its line. */
function isBlock(text: string, prop: PropertyNode): boolean {
  const lineStart = text.lastIndexOf('\n', prop.keyStart - 1) + 1;
  return /^[ \t]*(- )?$/.test(text.slice(lineStart, prop.keyStart)) && text[prop.keyStart - 1] !== '{';
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return ' '.repeat(offset - lineStart);
}

/** The substituted value's text for a placeholder, when it is a literal. */
export function literalFor(name: string, subs: Substitutions): string | undefined {
  return subs.byKey.get(name)?.literal;
}

/** Whether a value is an intrinsic other than a Fn::Sub without variables. */
export function isComputed(node: ValueNode): boolean {
  return intrinsicOf(node) !== undefined && knownString(node) === undefined;
}
