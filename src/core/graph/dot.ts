// GraphModel → Graphviz dot: Parallel branches, Map processors and DAGs as clusters, edge kinds as styles.

import type { GraphModel, GraphNode, GraphNodeKind } from './model';
import { CONTAINER_KINDS, indexGraph } from './model';

const SHAPES: Partial<Record<GraphNodeKind, string>> = {
  choice: 'hexagon', succeed: 'oval', fail: 'oval', start: 'circle', end: 'doublecircle', pass: 'box', wait: 'box', task: 'box', dagTask: 'box', step: 'box',
};

const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

export function toDot(model: GraphModel): string {
  const { children } = indexGraph(model);
  const lines = ['digraph workflow {', '  rankdir=TB;', '  node [fontname="Helvetica", fontsize=11, style="rounded,filled", fillcolor="#f8f8f8"];', '  edge [fontname="Helvetica", fontsize=9];'];
  const emit = (parent: string, indent: string): void => {
    for (const node of children.get(parent) ?? []) {
      if (CONTAINER_KINDS.has(node.kind)) {
        lines.push(`${indent}subgraph ${q(`cluster_${node.id}`)} {`, `${indent}  label=${q(node.label + (node.detail ? ` (${node.detail})` : ''))}; style=${node.kind === 'branch' ? 'dashed' : 'rounded'};`);
        // A container is also a node edges can start from or end at: an invisible point inside it.
        lines.push(`${indent}  ${q(node.id)} [shape=point, style=invis];`);
        emit(node.id, `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        lines.push(`${indent}${q(node.id)} [${nodeAttributes(node)}];`);
      }
    }
  };
  emit('', '  ');
  for (const e of model.edges) {
    const attrs: string[] = [];
    if (e.label) attrs.push(`label=${q(e.label)}`);
    if (e.kind === 'catch') attrs.push('style=dashed', 'color="#c76a00"');
    if (e.kind === 'data') attrs.push('style=dotted', 'color="#1a85ff"');
    if (e.kind === 'default') attrs.push('style=bold');
    lines.push(`  ${q(e.from)} -> ${q(e.to)}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

function nodeAttributes(node: GraphNode): string {
  const label = node.detail ? `${node.label}\n${node.detail}` : node.label;
  const attrs = [`label=${q(label)}`, `shape=${SHAPES[node.kind] ?? 'box'}`];
  if (node.severity === 'error') attrs.push('color="#e51400"', 'penwidth=2');
  else if (node.severity === 'warning') attrs.push('color="#bf8803"', 'penwidth=2');
  if (node.unreachable) attrs.push('fontcolor="#9a9a9a"', 'color="#c8c8c8"');
  return attrs.join(', ');
}
