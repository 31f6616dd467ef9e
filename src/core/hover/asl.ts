// Hovers and completion in state machine definitions (JSON or YAML).

import { INTRINSIC_FUNCTIONS } from '../asl/intrinsics';
import type { ParsedDocument } from '../parse/document';
import { child, stringValue, type ObjectNode, type ValueNode } from '../parse/node';
import { ASL_FIELDS, type AslContext, type AslFieldDoc, type QueryLanguage, type StateType, STATE_TYPES } from './aslFields';
import { locate, type PathSegment } from './locate';
import type { CompletionItem, HoverResult } from './types';
import { formatValue, valueContextAt } from './valueEdit';

type WalkContext = AslContext | 'states' | 'retryList' | 'catchList' | 'choiceList' | 'branchList' | 'payload';

export interface AslPlace {
  context: WalkContext;
  /** The object the last segment leads to. */
  node?: ValueNode;
  /** The innermost state on the way, its type and query language. */
  state?: ObjectNode;
  stateName?: string;
  stateType?: StateType;
  /** The `States` object of the innermost scope (for Next/Default/StartAt). */
  scope?: ObjectNode;
  nestedRule: boolean;
}

/** Where a path leads in the States Language structure. */
export function walkAsl(root: ValueNode | undefined, path: readonly PathSegment[]): AslPlace {
  const place: AslPlace = { context: 'machine', node: root, nestedRule: false };
  let node = root;
  for (const seg of path) {
    const next = typeof seg === 'number' ? (node?.kind === 'array' ? node.items[seg] : undefined) : child(node, seg);
    const c = place.context;
    if (c === 'machine' || c === 'processor' || c === 'branch') {
      if (seg === 'States') {
        place.context = 'states';
        place.scope = next?.kind === 'object' ? next : undefined;
      } else place.context = seg === 'ProcessorConfig' && c === 'processor' ? 'processorConfig' : 'payload';
    } else if (c === 'states') {
      place.context = 'state';
      place.state = next?.kind === 'object' ? next : undefined;
      place.stateName = String(seg);
      const type = stringValue(child(next, 'Type'));
      place.stateType = (STATE_TYPES as readonly string[]).includes(type ?? '') ? (type as StateType) : undefined;
      place.nestedRule = false;
    } else if (c === 'state') {
      place.context = ({ Retry: 'retryList', Catch: 'catchList', Choices: 'choiceList', Branches: 'branchList', ItemProcessor: 'processor', Iterator: 'processor', ItemReader: 'itemReader', ItemBatcher: 'itemBatcher', ResultWriter: 'resultWriter' } as Record<string, WalkContext>)[String(seg)] ?? 'payload';
    } else if (c === 'retryList' || c === 'catchList' || c === 'choiceList' || c === 'branchList') {
      place.context = typeof seg !== 'number' ? 'payload' : ({ retryList: 'retrier', catchList: 'catcher', choiceList: 'choiceRule', branchList: 'branch' } as const)[c];
    } else if (c === 'choiceRule') {
      if (seg === 'And' || seg === 'Or') place.context = 'choiceList';
      else if (seg === 'Not') place.context = 'choiceRule';
      else place.context = 'payload';
      if (place.context !== 'payload') place.nestedRule = true;
    } else if (c === 'itemReader') {
      place.context = seg === 'ReaderConfig' ? 'readerConfig' : 'payload';
    } else if (c === 'resultWriter') {
      place.context = seg === 'WriterConfig' ? 'writerConfig' : 'payload';
    } else {
      place.context = 'payload';
    }
    node = next;
  }
  place.node = node;
  return place;
}

/** The query language a state uses, and where that comes from. */
export function effectiveLanguage(root: ValueNode | undefined, state: ObjectNode | undefined): { language: QueryLanguage; from: 'state' | 'state machine' | 'default' } {
  const own = stringValue(child(state, 'QueryLanguage'));
  if (own === 'JSONata' || own === 'JSONPath') return { language: own, from: 'state' };
  const top = stringValue(child(root, 'QueryLanguage'));
  if (top === 'JSONata' || top === 'JSONPath') return { language: top, from: 'state machine' };
  return { language: 'JSONPath', from: 'default' };
}

function fieldDoc(place: AslPlace, key: string): AslFieldDoc | undefined {
  if (place.context in ASL_FIELDS) return ASL_FIELDS[place.context as AslContext][key];
  return undefined;
}

export function aslHover(doc: ParsedDocument, offset: number): HoverResult | undefined {
  const loc = locate(doc, offset);
  if (!loc?.property) return undefined;
  const prop = loc.property;
  const place = walkAsl(doc.root, loc.path.slice(0, -1));
  if (loc.on === 'value' && prop.value.kind === 'string') {
    const intrinsic = intrinsicHover(doc, prop.value.start, prop.value.end, offset);
    if (intrinsic) return intrinsic;
    const docOf = fieldDoc(place, prop.key);
    if (docOf?.namesState) return stateTargetHover(doc, place, prop.value.value, prop.value.start, prop.value.end);
    return undefined;
  }
  if (loc.on !== 'key') return undefined;
  const field = fieldDoc(place, prop.key);
  if (!field) return undefined;
  const lines: string[] = [];
  const where = place.context === 'state' ? (field.states && field.states.length < STATE_TYPES.length ? ` — ${field.states.join(', ')}` : '') : ` — ${contextLabel(place.context as AslContext)}`;
  lines.push(`**${prop.key}**${where}`);
  lines.push('', field.summary);
  if (field.limits) lines.push('', `Limits: ${field.limits}`);
  if (field.values) lines.push('', `Values: ${field.values.map((v) => `\`${v}\``).join(' · ')}`);
  if (field.deprecated) lines.push('', `Deprecated. ${field.deprecated}`);
  const language = place.state || place.context === 'catcher' || place.context === 'choiceRule' ? effectiveLanguage(doc.root, place.state) : undefined;
  if (field.language) {
    let note = `${field.language} only.`;
    if (language && language.language !== field.language) {
      note += ` This state uses ${language.language}${language.from === 'default' ? ' (the default)' : language.from === 'state machine' ? ' (from the top-level QueryLanguage)' : ''}, so the field is not allowed here.`;
    }
    lines.push('', note);
  } else if (language && place.context === 'state') {
    lines.push('', `JSONPath and JSONata. This state uses ${language.language}${language.from === 'default' ? ' (the default)' : language.from === 'state machine' ? ' (from the top-level QueryLanguage)' : ''}.`);
  }
  if (place.context === 'state' && field.states && place.stateType && !field.states.includes(place.stateType)) {
    lines.push('', `A ${place.stateType} state does not take this field.`);
  }
  return { contents: lines.join('\n'), range: doc.lines.range(prop.keyStart, prop.keyEnd) };
}

function contextLabel(context: AslContext): string {
  switch (context) {
    case 'machine': return 'state machine';
    case 'processor': return 'Map ItemProcessor';
    case 'branch': return 'Parallel branch';
    case 'retrier': return 'Retry';
    case 'catcher': return 'Catch';
    case 'choiceRule': return 'Choice rule';
    case 'processorConfig': return 'ProcessorConfig';
    case 'itemReader': return 'ItemReader';
    case 'readerConfig': return 'ItemReader ReaderConfig';
    case 'itemBatcher': return 'ItemBatcher';
    case 'resultWriter': return 'ResultWriter';
    case 'writerConfig': return 'ResultWriter WriterConfig';
    default: return 'state';
  }
}

function stateTargetHover(doc: ParsedDocument, place: AslPlace, name: string, start: number, end: number): HoverResult | undefined {
  const scope = place.context === 'machine' || place.context === 'processor' || place.context === 'branch' ? asObject(child(place.node, 'States')) : place.scope;
  const target = asObject(child(scope, name));
  if (!target) return undefined;
  const type = stringValue(child(target, 'Type'));
  const comment = stringValue(child(target, 'Comment'));
  const lines = [`Goes to **${name}**${type ? ` (${type})` : ''}.`];
  if (comment) lines.push('', comment);
  return { contents: lines.join('\n'), range: doc.lines.range(start, end) };
}

const INTRINSIC_NAME = /States\.[A-Za-z0-9]+(?=\s*\()/g;

function intrinsicHover(doc: ParsedDocument, start: number, end: number, offset: number): HoverResult | undefined {
  const raw = doc.text.slice(start, end);
  for (const m of raw.matchAll(INTRINSIC_NAME)) {
    const s = start + (m.index ?? 0);
    const e = s + m[0].length;
    if (offset < s || offset > e) continue;
    const sig = INTRINSIC_FUNCTIONS[m[0]];
    if (!sig) return { contents: `\`${m[0]}\` is not an intrinsic function.`, range: doc.lines.range(s, e) };
    const names = { string: 'string', int: 'integer', positiveInt: 'positive integer', array: 'array', object: 'object', boolean: 'boolean', any: 'value', path: 'path' } as Record<string, string>;
    const args: string[] = [];
    const shown = Number.isFinite(sig.max) ? sig.max : sig.args.length;
    for (let i = 0; i < shown; i++) {
      const a = names[sig.args[Math.min(i, sig.args.length - 1)]] ?? 'value';
      args.push(i >= sig.min ? `${a}?` : a);
    }
    if (!Number.isFinite(sig.max)) args.push('…');
    const lines = [`\`${m[0]}(${args.join(', ')})\``, '', 'Intrinsic function: JSONPath states only (Parameters, ResultSelector, ItemSelector, Credentials, Assign, ErrorPath/CausePath); at most 10 nested calls per field.'];
    if (sig.returnsString) lines.push('', 'Returns a string.');
    return { contents: lines.join('\n'), range: doc.lines.range(s, e) };
  }
  return undefined;
}

function asObject(node: ValueNode | undefined): ObjectNode | undefined {
  return node?.kind === 'object' ? node : undefined;
}

export function aslCompletions(doc: ParsedDocument, offset: number): CompletionItem[] {
  const ctx = valueContextAt(doc, offset);
  if (!ctx) return [];
  const loc = locate(doc, ctx.keyOffset);
  let field: AslFieldDoc | undefined;
  let place: AslPlace | undefined;
  if (loc?.on === 'key' && loc.property?.key === ctx.key) {
    place = walkAsl(doc.root, loc.path.slice(0, -1));
    field = fieldDoc(place, ctx.key);
  } else {
    // The tree stops before this key (unfinished text): fall back to fields whose name is unambiguous.
    const candidates = Object.values(ASL_FIELDS).map((f) => f[ctx.key]).filter((f): f is AslFieldDoc => !!f?.values);
    if (candidates.length > 0 && candidates.every((c) => c.values!.join() === candidates[0].values!.join())) field = candidates[0];
  }
  if (!field) return [];
  const items: CompletionItem[] = [];
  if (field.namesState && place) {
    const scope = place.context === 'machine' || place.context === 'processor' || place.context === 'branch' ? asObject(child(place.node, 'States')) : place.scope;
    for (const entry of scope?.entries ?? []) {
      if (entry.key === place.stateName && ctx.key !== 'StartAt') continue;
      const type = stringValue(child(entry.value, 'Type'));
      items.push({ label: entry.key, kind: 'state', insertText: formatValue(entry.key, doc.format, ctx.quoted), range: ctx.range, detail: type ? `${type} state` : 'state' });
    }
    return items;
  }
  for (const value of field.values ?? []) {
    const literal: string | boolean = value === 'true' && ctx.key === 'End' ? true : value;
    items.push({ label: value, kind: 'enum', insertText: formatValue(literal, doc.format, ctx.quoted), range: ctx.range, detail: ctx.key, documentation: field.summary });
  }
  return items;
}

