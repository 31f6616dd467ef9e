// Where a position falls in a parsed document: the chain of keys and indexes from the root, and
// whether it is on a key or a value. Used by hovers and completion; works on partial trees too.

import type { ParsedDocument } from '../parse/document';
import type { ObjectNode, PropertyNode, ValueNode } from '../parse/node';

export type PathSegment = string | number;

export interface Location {
  /** Keys and array indexes from the root to the innermost node containing the offset. */
  path: PathSegment[];
  /** The nodes along the path; nodes[0] is the root, nodes[i + 1] is reached by path[i]. */
  nodes: ValueNode[];
  /** The property the offset is on (key or value), if any. */
  property?: PropertyNode;
  /** The object holding `property`. */
  parent?: ObjectNode;
  on: 'key' | 'value' | 'container';
}

export function locate(doc: ParsedDocument, offset: number): Location | undefined {
  const root = doc.root;
  if (!root || offset < root.start || offset > root.end) return undefined;
  const path: PathSegment[] = [];
  const nodes: ValueNode[] = [root];
  let node: ValueNode = root;
  let property: PropertyNode | undefined;
  let parent: ObjectNode | undefined;
  let on: Location['on'] = 'container';
  for (;;) {
    if (node.kind === 'object') {
      const entry = findEntry(node, offset);
      if (!entry) break;
      path.push(entry.key);
      property = entry;
      parent = node;
      if (offset >= entry.keyStart && offset <= entry.keyEnd) {
        on = 'key';
        break;
      }
      on = 'value';
      node = entry.value;
      nodes.push(node);
      continue;
    }
    if (node.kind === 'array') {
      const index = node.items.findIndex((item) => offset >= item.start && offset <= item.end && item.end > item.start);
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
      nodes.push(node);
      property = undefined;
      parent = undefined;
      on = 'value';
      continue;
    }
    break;
  }
  return { path, nodes, property, parent, on };
}

function findEntry(node: ObjectNode, offset: number): PropertyNode | undefined {
  // Entries are in source order except merged YAML keys; the last match is the innermost.
  let found: PropertyNode | undefined;
  for (const e of node.entries) {
    const end = Math.max(e.keyEnd, e.value.end);
    if (offset >= e.keyStart && offset <= end) found = e;
  }
  return found;
}
