// YAML (and anything else the yaml package reads) into the shared node tree.
// Aliases are resolved to the anchored node, so rules see what the service will see.

import { Alias, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node as YamlNode, type Tags } from 'yaml';
import type { ArrayNode, ObjectNode, ValueNode } from './node';
import type { ParseProblem } from './document';
import { parseYamlFast } from './yamlFast';

export function parseYaml(text: string): { root?: ValueNode; problems: ParseProblem[] } {
  // Most definitions use plain block YAML, which the fast path reads ~10x quicker; it hands
  // anything else (anchors, block scalars, errors, …) to the yaml package.
  return parseYamlFast(text) ?? parseYamlWithPackage(text);
}

/** Local tags (CloudFormation's `!Sub` …): which the parser accepts, and what a tagged node becomes. */
export interface YamlTagOptions {
  customTags: Tags;
  /** The tree node for a tagged value; `tagStart` is the offset of the tag itself. */
  tagged(tag: string, value: ValueNode, tagStart: number): ValueNode;
}

/** The full YAML parser (the yaml package); the reference the fast path is tested against. */
export function parseYamlWithPackage(text: string, tags?: YamlTagOptions): { root?: ValueNode; problems: ParseProblem[] } {
  const problems: ParseProblem[] = [];
  if (text.trim().length === 0) {
    problems.push({ code: 'parse/empty', message: 'The document is empty.', start: 0, end: 0 });
    return { problems };
  }
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false, prettyErrors: false, strict: false, keepSourceTokens: false, merge: true, customTags: tags?.customTags });
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    problems.push({ code: 'parse/syntax', message: cleanMessage(e.message), start, end: Math.max(end, start + 1) });
  }
  for (const w of doc.warnings) {
    const [start, end] = w.pos;
    problems.push({ code: 'parse/yaml-warning', message: cleanMessage(w.message), start, end });
  }
  const convert = (node: unknown, depth: number): ValueNode => {
    const tag = tags && (node as YamlNode | undefined)?.tag;
    if (tag && !isAlias(node)) {
      const value = convertUntagged(node, depth);
      // The node's range starts after its tag; the tag is the nearest `!Name` before it.
      const tagStart = text.lastIndexOf(tag, value.start);
      return tags.tagged(tag, value, tagStart >= 0 ? tagStart : value.start);
    }
    return convertUntagged(node, depth);
  };
  const convertUntagged = (node: unknown, depth: number): ValueNode => {
    if (depth > 200) return { kind: 'null', value: null, start: 0, end: 0 };
    if (isAlias(node)) {
      const target = (node as Alias).resolve(doc);
      const range = (node as Alias).range ?? [0, 0];
      if (!target) return { kind: 'null', value: null, start: range[0], end: range[1] };
      // Keep the alias's own position so findings point at the use, not the anchor.
      return relocate(convert(target, depth + 1), range[0], range[1]);
    }
    const range = (node as YamlNode | undefined)?.range ?? [0, 0, 0];
    const start = range[0];
    const end = range[1];
    if (isMap(node)) {
      const out: ObjectNode = { kind: 'object', entries: [], start, end };
      const seen = new Map<string, [number, number]>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyValue: unknown = isScalar(pair.key) ? pair.key.value : undefined;
        // Only a plain `<<` is a merge key; a quoted "<<" is an ordinary key (YAML merge key spec).
        const plainKey = isScalar(pair.key) && (pair.key.type === undefined || pair.key.type === 'PLAIN');
        if ((keyValue === '<<' && plainKey) || (typeof keyValue === 'symbol' && keyValue.description === '<<')) {
          // merge keys (<<: *base) are expanded by the yaml package into toJS only; expand them here too
          const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
          for (const src of sources) {
            const merged = convert(src, depth + 1);
            if (merged.kind === 'object') for (const e of merged.entries) if (!out.entries.some((x) => x.key === e.key)) out.entries.push(e);
          }
          continue;
        }
        const keyNode = pair.key as YamlNode | null;
        const keyRange = keyNode?.range ?? [start, start, start];
        const key = isScalar(keyNode) ? String((keyNode as Scalar).value) : keyNode ? String(keyNode.toJSON()) : '';
        const value: ValueNode = pair.value === null || pair.value === undefined
          ? { kind: 'null', value: null, start: keyRange[1], end: keyRange[1] }
          : convert(pair.value, depth + 1);
        const earlier = seen.get(key);
        if (earlier) problems.push({ code: 'parse/duplicate-key', message: `Duplicate key '${key}'.`, start: keyRange[0], end: keyRange[1], otherStart: earlier[0], otherEnd: earlier[1] });
        seen.set(key, [keyRange[0], keyRange[1]]);
        const existing = out.entries.findIndex((e) => e.key === key);
        const prop = { key, keyStart: keyRange[0], keyEnd: keyRange[1], value };
        if (existing >= 0 && !earlier) out.entries[existing] = prop; // explicit key beats a merged one
        else out.entries.push(prop);
      }
      return out;
    }
    if (isSeq(node)) {
      const out: ArrayNode = { kind: 'array', items: [], start, end };
      for (const item of node.items) out.items.push(item === null ? { kind: 'null', value: null, start: end, end } : convert(item, depth + 1));
      return out;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || v === undefined) return { kind: 'null', value: null, start, end };
      if (typeof v === 'boolean') return { kind: 'boolean', value: v, start, end };
      if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'number', value: Number(v), raw: node.source ?? String(v), start, end };
      if (v instanceof Date) return { kind: 'string', value: v.toISOString(), start, end };
      return { kind: 'string', value: String(v), start, end };
    }
    return { kind: 'null', value: null, start, end };
  };
  const root = doc.contents === null ? undefined : convert(doc.contents, 0);
  if (!root) problems.push({ code: 'parse/empty', message: 'The document is empty.', start: 0, end: 0 });
  return { root, problems };
}

function relocate(node: ValueNode, start: number, end: number): ValueNode {
  return { ...node, start, end } as ValueNode;
}

function cleanMessage(message: string): string {
  return message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
}
