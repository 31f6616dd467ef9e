// One tree shape for JSON and YAML, with source offsets, so every rule is written once.

export type NodeKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

interface NodeBase {
  /** Offsets into the source text: [start, end). */
  start: number;
  end: number;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  entries: PropertyNode[];
}

export interface PropertyNode {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: ValueNode;
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: ValueNode[];
}

export interface StringNode extends NodeBase {
  kind: 'string';
  value: string;
}

export interface NumberNode extends NodeBase {
  kind: 'number';
  value: number;
  /** The number as written (keeps `1.0` apart from `1`). */
  raw: string;
}

export interface BooleanNode extends NodeBase {
  kind: 'boolean';
  value: boolean;
}

export interface NullNode extends NodeBase {
  kind: 'null';
  value: null;
}

export type ValueNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode;

export function property(node: ValueNode | undefined, key: string): PropertyNode | undefined {
  if (!node || node.kind !== 'object') return undefined;
  // Last one wins, as in JSON.parse; duplicates are reported by the parser.
  for (let i = node.entries.length - 1; i >= 0; i--) {
    if (node.entries[i].key === key) return node.entries[i];
  }
  return undefined;
}

export function child(node: ValueNode | undefined, key: string): ValueNode | undefined {
  return property(node, key)?.value;
}

export function stringValue(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}

/** The plain JavaScript value of a node (for rules that only need values). */
export function toValue(node: ValueNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      // defineProperty: a key named __proto__ is data, never the object's prototype
      for (const e of node.entries) Object.defineProperty(out, e.key, { value: toValue(e.value), enumerable: true, writable: true, configurable: true });
      return out;
    }
    case 'array':
      return node.items.map(toValue);
    default:
      return node.value;
  }
}

/** Finds the value at a JSON-pointer-like path such as `/States/Fail/ErrorPath`. */
export function nodeAtPointer(root: ValueNode | undefined, pointer: string): { node: ValueNode; property?: PropertyNode } | undefined {
  if (!root) return undefined;
  const parts = pointer.split('/').filter((p) => p.length > 0).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: ValueNode = root;
  let prop: PropertyNode | undefined;
  for (const part of parts) {
    if (node.kind === 'object') {
      const p = property(node, part);
      if (!p) return { node, property: prop };
      prop = p;
      node = p.value;
    } else if (node.kind === 'array' && /^\d+$/.test(part) && Number(part) < node.items.length) {
      prop = undefined;
      node = node.items[Number(part)];
    } else {
      return { node, property: prop };
    }
  }
  return { node, property: prop };
}
