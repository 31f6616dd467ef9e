// Templates into the shared position-keeping tree. YAML short-form tags become the long form they
// stand for (`!Sub x` → `{ "Fn::Sub": x }`, `!Ref X` → `{ "Ref": X }`, `!GetAtt a.b` → `["a", "b"]`),
// with the tag's own range as the key's range, so JSON and YAML templates read alike and every
// finding keeps its exact place. Intrinsic values are never literals: see `intrinsicOf`.

import type { Tags } from 'yaml';
import { parseDocument, LineIndex, type ParsedDocument, type SourceFormat } from '../parse/document';
import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from '../parse/node';
import { parseYamlFast, type FastYamlTags } from '../parse/yamlFast';
import { parseYamlWithPackage, type YamlTagOptions } from '../parse/yaml';

/** Every short form CloudFormation's YAML reader knows (cfn-facts §4), plus the language extensions. */
export const SHORT_FORM_TAGS = [
  'Ref', 'Condition', 'Sub', 'GetAtt', 'Join', 'If', 'Select', 'Split', 'ImportValue', 'FindInMap', 'Base64', 'Cidr', 'GetAZs',
  'And', 'Or', 'Not', 'Equals', 'Transform', 'ToJsonString', 'Length', 'ForEach', 'Contains', 'EachMemberEquals', 'EachMemberIn', 'ValueOf', 'ValueOfAll', 'RefAll',
] as const;

const identity = (value: unknown) => value;
const CUSTOM_TAGS: Tags = SHORT_FORM_TAGS.flatMap((name) => [
  { tag: `!${name}`, resolve: identity, identify: (): boolean => false },
  { tag: `!${name}`, collection: 'seq' as const, resolve: identity, identify: (): boolean => false },
  { tag: `!${name}`, collection: 'map' as const, resolve: identity, identify: (): boolean => false },
]) as unknown as Tags;
const SHORT_FORMS = new Set<string>(SHORT_FORM_TAGS);

/** The long-form key of a short-form tag: `!Ref` → `Ref`, `!Sub` → `Fn::Sub`. */
export function longFormKey(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** The short forms for the full parser (customTags) and for the fast path (names), one `tagged` for both. */
export function tagOptions(text: string): YamlTagOptions & FastYamlTags {
  return {
    customTags: CUSTOM_TAGS,
    names: SHORT_FORMS,
    tagged(tag, value, tagStart) {
      const name = tag.slice(1);
      if (!SHORT_FORMS.has(name)) return value;
      const args = name === 'GetAtt' && value.kind === 'string' ? splitGetAtt(text, value) : value;
      const prop: PropertyNode = { key: longFormKey(name), keyStart: tagStart, keyEnd: tagStart + tag.length, value: args };
      return { kind: 'object', entries: [prop], start: tagStart, end: Math.max(value.end, tagStart + tag.length) };
    },
  };
}

/** `!GetAtt a.b.c` is `["a", "b.c"]`: split on the first dot, each part at its own characters when the source spells it out. */
function splitGetAtt(text: string, node: StringNode): ArrayNode {
  const dot = node.value.indexOf('.');
  const raw = text.slice(node.start, node.end);
  const quoted = raw.startsWith('"') || raw.startsWith("'");
  const first = quoted ? node.start + 1 : node.start;
  const exact = text.slice(first, first + node.value.length) === node.value;
  const part = (from: number, to: number): StringNode => exact
    ? { kind: 'string', value: node.value.slice(from, to), start: first + from, end: first + to }
    : { kind: 'string', value: node.value.slice(from, to), start: node.start, end: node.end };
  const items = dot < 0 ? [part(0, node.value.length)] : [part(0, dot), part(dot + 1, node.value.length)];
  return { kind: 'array', items, start: node.start, end: node.end };
}

export function parseTemplate(text: string, format: SourceFormat): ParsedDocument {
  if (format === 'json') return parseDocument(text, 'json');
  // The fast path reads the short forms too (a template is mostly plain block YAML with tags): ~5x
  // quicker on a 500-resource template; anything else it leaves to the full parser, with the same tags.
  const tags = tagOptions(text);
  let { root, problems } = parseYamlFast(text, tags) ?? parseYamlWithPackage(text, tags);
  const underIndented = problems.find((p) => p.code === 'parse/syntax' && /^Flow (sequence|mapping) in block collection must be sufficiently indented/.test(p.message));
  if (underIndented) {
    const repaired = joinFlowLines(text, underIndented.start);
    if (repaired) {
      const again = parseYamlWithPackage(repaired.text, tagOptions(repaired.text));
      if (!again.problems.some((p) => p.code === 'parse/syntax')) {
        root = again.root;
        problems = [...again.problems, {
          code: 'parse/yaml-warning',
          message: 'This multi-line flow collection is indented no deeper than its key. CloudFormation reads it, but YAML 1.2 does not allow it and other YAML tools reject it: indent its lines further.',
          start: repaired.open,
          end: repaired.open + 1,
        }];
      }
    }
  }
  return { text, format, root, problems, lines: new LineIndex(text) };
}

/**
 * CloudFormation (like PyYAML) accepts a multi-line `[…]`/`{…}` whose lines are not indented past
 * its key; YAML 1.2 and the yaml package do not. Replacing the line breaks inside that collection
 * with spaces keeps every offset and lets the parser read it as CloudFormation does.
 */
function joinFlowLines(text: string, errorAt: number): { text: string; open: number } | undefined {
  let depth = 0;
  let open = -1;
  for (let i = errorAt - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ']' || c === '}') depth++;
    else if (c === '[' || c === '{') {
      if (depth === 0) { open = i; break; }
      depth--;
    }
  }
  if (open < 0) return undefined;
  let close = -1;
  let quote = '';
  depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote && text[i - 1] !== '\\') quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && /\s/.test(text[i - 1])) return undefined;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) { close = i; break; }
    }
  }
  if (close < 0) return undefined;
  const inner = text.slice(open, close).replace(/\r?\n/g, (m) => ' '.repeat(m.length));
  return { text: text.slice(0, open) + inner + text.slice(close), open };
}

export interface Intrinsic {
  /** `Ref`, `Condition` or `Fn::Sub`, `Fn::GetAtt`, … */
  name: string;
  prop: PropertyNode;
  args: ValueNode;
}

/** The intrinsic function a value is (`{ "Fn::Sub": … }`, `!Ref X`), if it is one. */
export function intrinsicOf(node: ValueNode | undefined): Intrinsic | undefined {
  if (!node || node.kind !== 'object' || node.entries.length !== 1) return undefined;
  const prop = node.entries[0];
  if (prop.key === 'Ref' || prop.key === 'Condition' || prop.key.startsWith('Fn::')) return { name: prop.key, prop, args: prop.value };
  return undefined;
}

/** `!Ref AWS::NoValue`: the property is as good as absent. */
export function isNoValue(node: ValueNode | undefined): boolean {
  const fn = intrinsicOf(node);
  return fn?.name === 'Ref' && fn.args.kind === 'string' && fn.args.value === 'AWS::NoValue';
}

/** The `${…}` variables of a Fn::Sub string (not the `${!Literal}` escapes). */
export function subVariables(template: string): { name: string; index: number; length: number }[] {
  const out: { name: string; index: number; length: number }[] = [];
  for (const m of template.matchAll(/\$\{([^}]*)\}/g)) {
    if (m[1].startsWith('!')) continue;
    out.push({ name: m[1].trim(), index: m.index!, length: m[0].length });
  }
  return out;
}

/** What Fn::Sub makes of text without variables: `${!X}` becomes `${X}`. */
export function unescapeSub(template: string): string {
  return template.replace(/\$\{!/g, '${');
}

/**
 * The string a value is known to be before deployment: a literal string, or a Fn::Sub whose
 * text has no variables. Undefined for anything CloudFormation computes.
 */
export function knownString(node: ValueNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'string') return node.value;
  const fn = intrinsicOf(node);
  if (fn?.name === 'Fn::Sub' && fn.args.kind === 'string' && subVariables(fn.args.value).length === 0) return unescapeSub(fn.args.value);
  return undefined;
}

/** The object a template section is, or undefined. */
export function objectOf(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' && !intrinsicOf(node) ? node : undefined;
}
