// YAML (and anything else the yaml package reads) into the shared node tree.
// Aliases are resolved to the anchored node, so rules see what the service will see.

import type { Alias, Scalar, Node as YamlNode, Tags } from 'yaml';

// Required on first use, not imported: a lint of JSON files (the CLI's usual run) never starts the
// yaml package, whose start-up is a few milliseconds of a fresh process (scripts/bench/cli.mjs).
let yamlPackage: typeof import('yaml') | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = (): typeof import('yaml') => (yamlPackage ??= require('yaml') as typeof import('yaml'));
import { toValue, type ArrayNode, type ObjectNode, type PropertyNode, type ValueNode } from './node';
import { parseLimits, tooDeepMessage, type ParseLimits } from './limits';
import { yamlNestingOverflow } from './nesting';
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
  const limits = parseLimits();
  const deepAt = yamlNestingOverflow(text, limits.maxDepth);
  if (deepAt !== undefined) return { problems: [tooDeep(deepAt, limits.maxDepth)] };
  const aliasAt = nthAliasOffset(text, limits.maxAliases + 1);
  if (aliasAt !== undefined) return { problems: [tooManyAliases(aliasAt, limits.maxAliases)] };
  const doc = yaml().parseDocument(text, { lineCounter: new (yaml().LineCounter)(), uniqueKeys: false, prettyErrors: false, strict: false, keepSourceTokens: false, merge: true, customTags: tags?.customTags });
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    problems.push({ code: 'parse/syntax', message: cleanMessage(e.message), start, end: Math.max(end, start + 1) });
  }
  for (const w of doc.warnings) {
    const [start, end] = w.pos;
    problems.push({ code: 'parse/yaml-warning', message: cleanMessage(w.message), start, end });
  }
  if (doc.contents === null) {
    problems.push({ code: 'parse/empty', message: 'The document is empty.', start: 0, end: 0 });
    return { problems };
  }
  const converter = new Converter(problems, limits, text, tags);
  try {
    return { root: converter.convert(doc.contents, 0).node, problems };
  } catch (e) {
    if (!(e instanceof TooComplex)) throw e;
    return { problems: [...problems.filter((p) => p.code !== 'parse/duplicate-key'), e.problem] };
  }
}

class TooComplex extends Error {
  constructor(readonly problem: ParseProblem) {
    super(problem.message);
  }
}

function tooDeep(at: number, maxDepth: number): ParseProblem {
  return { code: 'parse/too-complex', message: tooDeepMessage(maxDepth), start: at, end: at + 1 };
}

function tooManyAliases(at: number, maxAliases: number): ParseProblem {
  return { code: 'parse/too-complex', message: `The document uses more than ${maxAliases.toLocaleString('en-US')} aliases; it is not checked further.`, start: at, end: at + 1 };
}

/**
 * Where the nth thing shaped like an alias (`*name` after a space or flow indicator) is, counted
 * before the yaml package spends seconds parsing a file that is over budget anyway. It may count a
 * `*word` inside a plain scalar too, which only matters past ten thousand of them.
 */
function nthAliasOffset(text: string, n: number): number | undefined {
  const alias = /(?:^|[\s,[{])\*[^\s,[\]{}]/g;
  let count = 0;
  for (let m = alias.exec(text); m; m = alias.exec(text)) {
    if (++count >= n) return m.index + m[0].indexOf('*');
  }
  return undefined;
}

/** A converted node with what the budgets need: nodes in its expanded tree and its height. */
interface Converted {
  node: ValueNode;
  size: number;
  height: number;
}

/**
 * From the yaml package's tree to ours. Anchors are remembered as they are met (document order,
 * so a redefined anchor is found as YAML defines it), and an alias reuses the converted node:
 * no document walk per alias and no copy, only a count of what the alias adds, within budget.
 */
class Converter {
  private readonly anchors = new Map<string, Converted | 'open'>();
  private aliases = 0;
  private aliasedNodes = 0;

  constructor(private readonly problems: ParseProblem[], private readonly limits: ParseLimits, private readonly text: string, private readonly tags?: YamlTagOptions) {}

  convert(node: unknown, depth: number): Converted {
    if (depth > this.limits.maxDepth) {
      const range = (node as YamlNode | undefined)?.range ?? [0, 0];
      throw new TooComplex(tooDeep(range[0], this.limits.maxDepth));
    }
    if (yaml().isAlias(node)) return this.alias(node, depth);
    const anchor = (node as { anchor?: string } | undefined)?.anchor;
    if (anchor) this.anchors.set(anchor, 'open');
    const converted = this.convertNode(node, depth);
    const tag = this.tags && (node as YamlNode | undefined)?.tag;
    if (tag) {
      // The node's range starts after its tag; the tag is the nearest `!Name` before it.
      const tagStart = this.text.lastIndexOf(tag, converted.node.start);
      converted.node = this.tags!.tagged(tag, converted.node, tagStart >= 0 ? tagStart : converted.node.start);
    }
    if (anchor) this.anchors.set(anchor, converted);
    return converted;
  }

  private alias(node: Alias, depth: number): Converted {
    const range = node.range ?? [0, 0];
    const target = this.anchors.get(node.source);
    const at = (message: string) => new TooComplex({ code: 'parse/too-complex', message, start: range[0], end: Math.max(range[1], range[0] + 1) });
    // An alias to an anchor not defined before it is reported by the yaml package itself.
    if (target === undefined) return { node: { kind: 'null', value: null, start: range[0], end: range[1] }, size: 1, height: 1 };
    if (target === 'open') throw at(`The alias *${node.source} is inside the node it refers to, which would never end; it is not checked further.`);
    if (++this.aliases > this.limits.maxAliases) throw new TooComplex(tooManyAliases(range[0], this.limits.maxAliases));
    this.aliasedNodes += target.size;
    if (this.aliasedNodes > this.limits.maxAliasedNodes) {
      throw at(`Aliases here expand the document to more than ${this.limits.maxAliasedNodes.toLocaleString('en-US')} nodes (a "billion laughs" shape); it is not checked further.`);
    }
    if (depth + target.height > this.limits.maxDepth) throw new TooComplex(tooDeep(range[0], this.limits.maxDepth));
    // Keep the alias's own position so findings point at the use, not the anchor.
    return { node: relocate(target.node, range[0], range[1]), size: target.size, height: target.height };
  }

  private convertNode(node: unknown, depth: number): Converted {
    const range = (node as YamlNode | undefined)?.range ?? [0, 0, 0];
    const start = range[0];
    const end = range[1];
    if (yaml().isMap(node)) {
      const out: ObjectNode = { kind: 'object', entries: [], start, end };
      let size = 1;
      let height = 0;
      const seen = new Map<string, [number, number]>();
      const index = new Map<string, number>();
      const add = (prop: PropertyNode, replace: boolean) => {
        const existing = index.get(prop.key);
        if (existing !== undefined && replace) out.entries[existing] = prop;
        else {
          index.set(prop.key, out.entries.length);
          out.entries.push(prop);
        }
      };
      for (const pair of node.items) {
        if (!yaml().isPair(pair)) continue;
        const keyValue: unknown = yaml().isScalar(pair.key) ? pair.key.value : undefined;
        // Only a plain `<<` is a merge key; a quoted "<<" is an ordinary key (YAML merge key spec).
        const plainKey = yaml().isScalar(pair.key) && (pair.key.type === undefined || pair.key.type === 'PLAIN');
        if ((keyValue === '<<' && plainKey) || (typeof keyValue === 'symbol' && keyValue.description === '<<')) {
          // merge keys (<<: *base) are expanded by the yaml package into toJS only; expand them here too
          const sources = yaml().isSeq(pair.value) ? pair.value.items : [pair.value];
          for (const src of sources) {
            const merged = this.convert(src, depth + 1);
            size += merged.size;
            height = Math.max(height, merged.height);
            if (merged.node.kind === 'object') for (const e of merged.node.entries) if (!index.has(e.key)) add(e, false);
          }
          continue;
        }
        const keyNode = pair.key as YamlNode | null;
        const keyRange = keyNode?.range ?? [start, start, start];
        const key = this.keyText(keyNode, depth);
        const value: Converted = pair.value === null || pair.value === undefined
          ? { node: { kind: 'null', value: null, start: keyRange[1], end: keyRange[1] }, size: 1, height: 1 }
          : this.convert(pair.value, depth + 1);
        size += value.size;
        height = Math.max(height, value.height);
        const earlier = seen.get(key);
        if (earlier) this.problems.push({ code: 'parse/duplicate-key', message: `Duplicate key '${key}'.`, start: keyRange[0], end: keyRange[1], otherStart: earlier[0], otherEnd: earlier[1] });
        seen.set(key, [keyRange[0], keyRange[1]]);
        // an explicit key beats a merged one
        add({ key, keyStart: keyRange[0], keyEnd: keyRange[1], value: value.node }, !earlier);
      }
      return { node: out, size, height: height + 1 };
    }
    if (yaml().isSeq(node)) {
      const out: ArrayNode = { kind: 'array', items: [], start, end };
      let size = 1;
      let height = 0;
      for (const item of node.items) {
        if (item === null) {
          out.items.push({ kind: 'null', value: null, start: end, end });
          size++;
          continue;
        }
        const c = this.convert(item, depth + 1);
        out.items.push(c.node);
        size += c.size;
        height = Math.max(height, c.height);
      }
      return { node: out, size, height: height + 1 };
    }
    return { node: scalarNode(node, start, end), size: 1, height: 1 };
  }

  /** Keys are scalars in every file we read; an alias or collection key is named by its text. */
  private keyText(keyNode: YamlNode | null, depth: number): string {
    if (!keyNode) return '';
    if (yaml().isScalar(keyNode)) return String((keyNode as Scalar).value);
    const c = this.convert(keyNode, depth + 1).node;
    return c.kind === 'object' || c.kind === 'array' ? JSON.stringify(toValue(c)) : String(c.value);
  }
}

function scalarNode(node: unknown, start: number, end: number): ValueNode {
  if (!yaml().isScalar(node)) return { kind: 'null', value: null, start, end };
  const v = node.value;
  if (v === null || v === undefined) return { kind: 'null', value: null, start, end };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v, start, end };
  if (typeof v === 'number' || typeof v === 'bigint') return { kind: 'number', value: Number(v), raw: node.source ?? String(v), start, end };
  if (v instanceof Date) return { kind: 'string', value: v.toISOString(), start, end };
  return { kind: 'string', value: String(v), start, end };
}

function relocate(node: ValueNode, start: number, end: number): ValueNode {
  return { ...node, start, end } as ValueNode;
}

function cleanMessage(message: string): string {
  return message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
}
