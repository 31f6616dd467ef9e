// JSON read by the engine's native JSON.parse, with positions computed only when something asks.
// Measured (scripts/bench/cli.mjs, docs in DEVELOPERS.md "CLI start-up"): a fresh process runs our own
// parser (json.ts) at interpreter speed, about 20 ms for 1 MB, where JSON.parse takes 4 ms. A valid
// definition usually has no finding, so no rule reads a position: the tree is built from JSON.parse's
// value, and the first read of any offset (start, end, keyStart, keyEnd, a number's raw text) runs
// json.ts once over the text and copies every offset into this tree, so positions are exactly the
// ones json.ts gives. What JSON.parse accepts but json.ts reports (duplicate keys), or reads in another
// order (integer-like keys come first in a V8 object) returns undefined: the caller uses json.ts.

import { parseJson } from './json';
import type { ValueNode } from './node';

/** How many documents have located their positions: a clean lint locates none (test/unit/asl/json-native-path.test.ts). */
export let locatedDocuments = 0;

/** The tree of `text` with lazy positions, or undefined when json.ts must read it (invalid JSON, duplicate keys, integer-like keys, too deep). */
export function parseJsonNative(text: string, maxDepth: number): ValueNode | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const tree = new LazyTree(text, maxDepth);
  const root = tree.build(value, 1);
  if (!root || tree.keys !== keysInText(text)) return undefined;
  tree.root = root;
  return root as unknown as ValueNode;
}

/**
 * How many object keys the text spells, with native regular expressions only: every string is
 * consumed whole, so matching stays outside strings, and a string followed by `:` is a key. JSON.parse
 * keeps one key of duplicates, so fewer keys in its value than here means duplicates.
 */
function keysInText(text: string): number {
  try {
    return text.replace(/"[^"\\]*(?:\\.[^"\\]*)*"\s*(:)?|[^"]+/g, '$1').length;
  } catch {
    return -1;
  }
}

const INTEGER_LIKE = /^\d+$/;

// The classes assign their fields in the constructor (no class fields, whose define semantics cost
// twice as much in a fresh process) and keep offsets in s/e, read through accessors that locate
// them on first use. They give the rules what json.ts's nodes give: kind, value, entries, items.
// Offsets are read-only (getters without setters): nothing writes a parsed tree's offsets.
class LazyTree {
  /** Keys in the tree, against keysInText(). */
  keys: number;
  root: LazyNode | undefined;
  private located: boolean;
  constructor(private readonly text: string, private readonly maxDepth: number) {
    this.keys = 0;
    this.root = undefined;
    this.located = false;
  }

  build(value: unknown, depth: number): LazyNode | undefined {
    if (value === null) return new LazyNode(this, 'null', null);
    switch (typeof value) {
      case 'string':
        return new LazyNode(this, 'string', value);
      case 'number':
        return new LazyNode(this, 'number', value);
      case 'boolean':
        return new LazyNode(this, 'boolean', value);
      case 'object':
        break;
      default:
        return undefined;
    }
    // Deeper than json.ts reads: it reports parse/too-complex.
    if (depth > this.maxDepth) return undefined;
    if (Array.isArray(value)) {
      const node = new LazyNode(this, 'array', undefined);
      const items: LazyNode[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = this.build(value[i], depth + 1);
        if (!item) return undefined;
        items[i] = item;
      }
      node.items = items;
      return node;
    }
    const node = new LazyNode(this, 'object', undefined);
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    const entries: LazyProperty[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      // V8 lists integer-like keys first, whatever the text's order: json.ts keeps the text's.
      const c = key.charCodeAt(0);
      if (c >= 48 && c <= 57 && INTEGER_LIKE.test(key)) return undefined;
      const child = this.build(record[key], depth + 1);
      if (!child) return undefined;
      entries[i] = new LazyProperty(this, key, child);
    }
    this.keys += keys.length;
    node.entries = entries;
    return node;
  }

  /** Reads the text once with json.ts and copies its offsets into this tree: both list keys and items in the text's order. */
  locate(): void {
    if (this.located) return;
    this.located = true;
    locatedDocuments++;
    const { root } = parseJson(this.text);
    if (root && this.root) copyOffsets(root, this.root);
  }
}

function copyOffsets(from: ValueNode, to: LazyNode): void {
  to.s = from.start;
  to.e = from.end;
  if (from.kind === 'number') to.rawText = from.raw;
  else if (from.kind === 'object') {
    const entries = to.entries!;
    for (let i = 0; i < from.entries.length; i++) {
      entries[i].s = from.entries[i].keyStart;
      entries[i].e = from.entries[i].keyEnd;
      copyOffsets(from.entries[i].value, entries[i].value);
    }
  } else if (from.kind === 'array') {
    for (let i = 0; i < from.items.length; i++) copyOffsets(from.items[i], to.items![i]);
  }
}

/** An offset of a node or key (s: start, e: end), located on first read. */
function located(slot: LazyNode | LazyProperty, which: 's' | 'e'): number {
  if (slot[which] < 0) slot.tree.locate();
  return slot[which];
}

class LazyNode {
  s: number;
  e: number;
  rawText: string | undefined;
  entries: LazyProperty[] | undefined;
  items: LazyNode[] | undefined;
  constructor(readonly tree: LazyTree, readonly kind: ValueNode['kind'], readonly value: unknown) {
    this.s = -1;
    this.e = -1;
    this.rawText = undefined;
    this.entries = undefined;
    this.items = undefined;
  }

  get start(): number {
    return located(this, 's');
  }
  get end(): number {
    return located(this, 'e');
  }
  /** A number as written (`1.0` is not `1`): only in the text. */
  get raw(): string | undefined {
    if (this.kind !== 'number') return undefined;
    if (this.rawText === undefined) this.tree.locate();
    return this.rawText;
  }
}

class LazyProperty {
  s: number;
  e: number;
  constructor(readonly tree: LazyTree, readonly key: string, readonly value: LazyNode) {
    this.s = -1;
    this.e = -1;
  }

  get keyStart(): number {
    return located(this, 's');
  }
  get keyEnd(): number {
    return located(this, 'e');
  }
}
