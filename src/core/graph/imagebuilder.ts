// EC2 Image Builder workflow document → graph: the steps in the order they run, each with its
// action and onFailure, and a data edge for every `$.stepOutputs.<step>` reference between steps
// (and from a step to the document's outputs, drawn at the end).

import type { ValueNode } from '../parse/node';
import { child, stringValue } from '../parse/node';
import type { ParsedDocument } from '../parse/document';
import { GraphBuilder } from './builder';
import type { GraphBadge, GraphModel } from './model';
import { shorten } from './model';
import { START_ID, END_ID } from './asl';

// The same two spellings src/core/imagebuilder/validate.ts accepts: dotted and bracketed.
const STEP_OUTPUT_REF = /\$\.stepOutputs(?:\.([A-Za-z0-9_-]+)|\[['"]([^'"\]]+)['"]\])(?:\.([A-Za-z0-9_-]+))?/g;

export function buildImageBuilderGraph(doc: ParsedDocument): GraphModel {
  const b = new GraphBuilder(doc, 'imageBuilderWorkflow');
  const root = doc.root;
  if (root?.kind !== 'object') return b.model();
  const steps = child(root, 'steps');
  b.addNode({ id: START_ID, kind: 'start', label: 'Start' });
  const ids = new Map<string, string>();
  const order: { id: string; step: ValueNode }[] = [];
  if (steps?.kind === 'array') {
    steps.items.forEach((step, i) => {
      const nameNode = child(step, 'name');
      const name = stringValue(nameNode);
      const action = stringValue(child(step, 'action'));
      const node = b.addNode({
        id: name || `step ${i + 1}`,
        kind: 'step',
        label: name || `(step ${i + 1})`,
        detail: action,
        badges: stepBadges(step),
        start: step.start,
        end: step.end,
        nameStart: nameNode?.start ?? step.start,
        nameEnd: nameNode?.end ?? step.start,
      });
      if (name && !ids.has(name)) ids.set(name, node.id);
      order.push({ id: node.id, step });
    });
  }
  b.addNode({ id: END_ID, kind: 'end', label: 'End' });
  const chain = [START_ID, ...order.map((o) => o.id), END_ID];
  for (let i = 1; i < chain.length; i++) b.addEdge(chain[i - 1], chain[i], 'next');
  for (const { id, step } of order) addDataEdges(b, ids, step, id);
  const outputs = child(root, 'outputs');
  if (outputs) addDataEdges(b, ids, outputs, END_ID);
  return b.model();
}

function stepBadges(step: ValueNode): GraphBadge[] {
  const badges: GraphBadge[] = [];
  const onFailure = stringValue(child(step, 'onFailure'));
  if (onFailure) badges.push({ kind: 'onFailure', text: `onFailure: ${onFailure}`, title: onFailure === 'Continue' ? 'A failure of this step does not stop the workflow.' : 'A failure of this step stops the workflow.' });
  if (child(step, 'if')) badges.push({ kind: 'condition', text: 'if', title: 'Runs only when its if condition holds.' });
  const rollback = child(step, 'rollbackEnabled');
  if (rollback?.kind === 'boolean' && !rollback.value) badges.push({ kind: 'rollback', text: 'no rollback', title: 'rollbackEnabled is false.' });
  return badges;
}

/** One edge per (producer, consumer), labelled with the outputs read. */
function addDataEdges(b: GraphBuilder, ids: Map<string, string>, node: ValueNode, to: string): void {
  const reads = new Map<string, Set<string>>();
  visitStrings(node, (text) => {
    for (const m of text.matchAll(STEP_OUTPUT_REF)) {
      const from = ids.get(m[1] ?? m[2]);
      if (!from || from === to) continue;
      let fields = reads.get(from);
      if (!fields) reads.set(from, (fields = new Set()));
      if (m[3]) fields.add(m[3]);
    }
  });
  for (const [from, fields] of reads) {
    const text = [...fields].join(', ');
    b.addEdge(from, to, 'data', text ? shorten(text, 28) : undefined, text ? `Reads $.stepOutputs.${from}: ${text}` : undefined);
  }
}

function visitStrings(node: ValueNode, visit: (text: string) => void, depth = 0): void {
  if (depth > 64) return;
  if (node.kind === 'string') visit(node.value);
  else if (node.kind === 'array') for (const item of node.items) visitStrings(item, visit, depth + 1);
  else if (node.kind === 'object') for (const e of node.entries) visitStrings(e.value, visit, depth + 1);
}
