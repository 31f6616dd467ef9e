// Shared by the three document readers: unique ids, sources from the parse tree, edges.

import type { ParsedDocument } from '../parse/document';
import type { GraphBadge, GraphEdge, GraphEdgeKind, GraphModel, GraphNode, GraphNodeKind, GraphDocumentKind } from './model';

export class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  private readonly ids = new Set<string>();

  constructor(readonly doc: ParsedDocument, readonly kind: GraphDocumentKind) {}

  /** A unique id from a wanted one: a duplicate name (reported by the linter) still gets drawn. */
  private uniqueId(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.ids.has(id); n++) id = `${wanted}~${n}`;
    this.ids.add(id);
    return id;
  }

  addNode(node: { id: string; kind: GraphNodeKind; label: string; parent?: string; detail?: string; description?: string; badges?: GraphBadge[]; start?: number; end?: number; nameStart?: number; nameEnd?: number }): GraphNode {
    const out: GraphNode = { id: this.uniqueId(node.id), kind: node.kind, label: node.label, badges: node.badges ?? [], findings: [] };
    if (node.parent !== undefined) out.parent = node.parent;
    if (node.detail) out.detail = node.detail;
    if (node.description && node.description !== node.detail) out.description = node.description;
    if (node.start !== undefined && node.end !== undefined) {
      const nameStart = node.nameStart ?? node.start;
      const nameEnd = node.nameEnd ?? node.start;
      out.source = {
        start: node.start,
        end: node.end,
        nameStart,
        nameEnd,
        range: this.doc.lines.range(node.start, node.end),
        nameRange: this.doc.lines.range(nameStart, nameEnd),
      };
    }
    this.nodes.push(out);
    return out;
  }

  addEdge(from: string, to: string, kind: GraphEdgeKind, label?: string, title?: string): GraphEdge {
    const edge: GraphEdge = { id: `e${this.edges.length}`, from, to, kind };
    if (label) edge.label = label;
    if (title && title !== label) edge.title = title;
    this.edges.push(edge);
    return edge;
  }

  model(): GraphModel {
    return { kind: this.kind, nodes: this.nodes, edges: this.edges, findings: [] };
  }
}

/** The last dotted segment: `airflow.providers.amazon.aws.operators.glue.GlueJobOperator` → `GlueJobOperator`. */
export function lastSegment(text: string, separator: string | RegExp = '.'): string {
  const parts = text.split(separator);
  return parts[parts.length - 1] || text;
}
