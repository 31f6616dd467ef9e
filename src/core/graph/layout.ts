// Positions for a GraphModel: boxes for nodes, polylines for edges, in one coordinate space.
//
// Layout library: @dagrejs/dagre, chosen over elkjs by measurement (scripts/bench/graph.mjs runs
// both on the same graphs). ASL transitions never cross a Parallel branch or a Map processor, so
// every container is laid out on its own, innermost first, and then placed as one box in its parent;
// that is exact here, and it spares dagre's compound mode (whose clusters are its weak point).
// dagre is synchronous and ~36 KB minified; elkjs is ~1.6 MB, asynchronous, and on the bench's
// nested and 1,400-state machines it was several times slower for a comparable drawing (figures in
// the bench's output and in the issue). Sizes come from character counts, not from a DOM, so the
// CLI and the webview lay out identically.

import dagre from '@dagrejs/dagre';
import type { GraphEdge, GraphEdgeKind, GraphModel, GraphNode, GraphNodeKind } from './model';
import { CONTAINER_KINDS, indexGraph } from './model';

export interface Point {
  x: number;
  y: number;
}

export interface LaidOutNode {
  id: string;
  kind: GraphNodeKind;
  /** Top-left corner and size, absolute. */
  x: number;
  y: number;
  width: number;
  height: number;
  parent?: string;
}

export interface LaidOutEdge {
  id: string;
  from: string;
  to: string;
  kind: GraphEdgeKind;
  label?: string;
  points: Point[];
  /** The centre of the label, when there is one. */
  labelAt?: Point;
}

export interface GraphLayout {
  width: number;
  height: number;
  model: GraphModel;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

/** Metrics shared with the renderer: the font sizes below are what the SVG uses. */
export const METRICS = {
  font: 12,
  smallFont: 10.5,
  /** Average advance of a character at `font`, as a fraction of the size (system UI fonts). */
  charWidth: 0.62,
  /** Bold labels are wider. */
  boldFactor: 1.2,
  padX: 12,
  lineHeight: 16,
  nodeMinWidth: 112,
  nodeMaxWidth: 280,
  markerSize: 28,
  containerPad: 14,
  containerHeader: 24,
  badgeHeight: 16,
};

const MARKERS = new Set<GraphNodeKind>(['start', 'end']);

export function textWidth(text: string, size = METRICS.font): number {
  return text.length * size * METRICS.charWidth;
}

/** The size of a leaf node from its text: label line, optional detail line, optional badge row. */
export function leafSize(node: GraphNode): { width: number; height: number } {
  if (MARKERS.has(node.kind)) return { width: 64, height: METRICS.markerSize };
  const badges = node.badges.reduce((w, b) => w + textWidth(b.text, METRICS.smallFont) + 12, 0);
  const content = Math.max(textWidth(node.label) * METRICS.boldFactor, node.detail ? textWidth(node.detail, METRICS.smallFont) : 0, badges);
  // Text starts at 28 (accent stripe and icon) and keeps 8 clear on the right, plus a little slack.
  const width = Math.min(METRICS.nodeMaxWidth, Math.max(METRICS.nodeMinWidth, content + 40));
  const lines = 1 + (node.detail ? 1 : 0);
  const height = 12 + lines * METRICS.lineHeight + (node.badges.length ? METRICS.badgeHeight + 4 : 0);
  return { width, height: Math.max(36, height) };
}

interface Box {
  width: number;
  height: number;
  /** Child positions relative to this box's top-left. */
  children: { id: string; x: number; y: number }[];
  edges: LaidOutEdge[];
}

export function layoutGraph(model: GraphModel): GraphLayout {
  const { byId, children } = indexGraph(model);
  const edgesByScope = new Map<string, GraphEdge[]>();
  for (const e of model.edges) {
    const scope = byId.get(e.from)?.parent ?? '';
    let list = edgesByScope.get(scope);
    if (!list) edgesByScope.set(scope, (list = []));
    list.push(e);
  }
  const boxes = new Map<string, Box>();
  const size = (node: GraphNode): { width: number; height: number } => {
    if (!CONTAINER_KINDS.has(node.kind)) return leafSize(node);
    const inner = layoutScope(node.id);
    const label = leafSize(node);
    return {
      width: Math.max(inner.width + 2 * METRICS.containerPad, label.width),
      height: inner.height + 2 * METRICS.containerPad + METRICS.containerHeader,
    };
  };
  const sizes = new Map<string, { width: number; height: number }>();
  const layoutScope = (scope: string): Box => {
    const members = children.get(scope) ?? [];
    for (const m of members) sizes.set(m.id, size(m));
    const box = runDagre(members, edgesByScope.get(scope) ?? [], sizes, scope === '' ? 'top' : byId.get(scope)!.kind);
    boxes.set(scope, box);
    return box;
  };
  const top = layoutScope('');

  // Absolute positions: each container's children are offset by the container's inner origin.
  const nodes: LaidOutNode[] = [];
  const edges: LaidOutEdge[] = [];
  const place = (scope: string, originX: number, originY: number): void => {
    const box = boxes.get(scope)!;
    for (const c of box.children) {
      const node = byId.get(c.id)!;
      const s = sizes.get(c.id)!;
      const x = originX + c.x;
      const y = originY + c.y;
      const laid: LaidOutNode = { id: c.id, kind: node.kind, x: round(x), y: round(y), width: round(s.width), height: round(s.height) };
      if (node.parent) laid.parent = node.parent;
      nodes.push(laid);
      if (CONTAINER_KINDS.has(node.kind)) {
        const inner = boxes.get(c.id)!;
        place(c.id, x + (s.width - inner.width) / 2, y + METRICS.containerHeader + METRICS.containerPad);
      }
    }
    for (const e of box.edges) {
      const shifted: LaidOutEdge = { ...e, points: e.points.map((p) => ({ x: round(p.x + originX), y: round(p.y + originY) })) };
      if (e.labelAt) shifted.labelAt = { x: round(e.labelAt.x + originX), y: round(e.labelAt.y + originY) };
      edges.push(shifted);
    }
  };
  const margin = 16;
  place('', margin, margin);
  // Model order (parents first) for nodes, so a renderer draws containers under their children.
  const order = new Map(model.nodes.map((n, i) => [n.id, i]));
  nodes.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const edgeOrder = new Map(model.edges.map((e, i) => [e.id, i]));
  edges.sort((a, b) => edgeOrder.get(a.id)! - edgeOrder.get(b.id)!);
  return { width: round(top.width + 2 * margin), height: round(top.height + 2 * margin), model, nodes, edges };
}

function runDagre(members: GraphNode[], edges: GraphEdge[], sizes: Map<string, { width: number; height: number }>, scopeKind: string): Box {
  if (members.length === 0) return { width: 80, height: 24, children: [], edges: [] };
  const g = new dagre.graphlib.Graph({ multigraph: true });
  // Parallel branches side by side; everything else flows top to bottom.
  const parallel = scopeKind === 'parallel';
  g.setGraph({ rankdir: 'TB', nodesep: parallel ? 20 : 32, ranksep: 44, edgesep: 12, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const m of members) g.setNode(m.id, { ...sizes.get(m.id)! });
  const inScope = new Set(members.map((m) => m.id));
  const scoped = edges.filter((e) => inScope.has(e.from) && inScope.has(e.to) && e.from !== e.to);
  const ranked = rankedEdges(scoped);
  for (const e of scoped) if (ranked.has(e.id)) g.setEdge(e.from, e.to, { weight: e.kind === 'catch' ? 1 : 2, minlen: 1 }, e.id);
  // dagre's crossing-reduction sweeps rebuild a layer graph per rank; on a scope of hundreds of states
  // they cost most of the time (1,400-state machine: ~1.25 s → ~0.8 s of CPU without them) for little gain.
  dagre.layout(g, { disableOptimalOrderHeuristic: members.length > LARGE_SCOPE });
  const graph = g.graph();
  let width = graph.width ?? 0;
  const height = graph.height ?? 0;
  const boxes = new Map(members.map((m) => {
    const d = g.node(m.id);
    return [m.id, { x: d.x - d.width / 2, y: d.y - d.height / 2, width: d.width, height: d.height }];
  }));
  const laidEdges: LaidOutEdge[] = [];
  // Side edges run down a corridor right of the drawing, one lane each, so they never cut through it.
  let lane = width + SIDE_GAP;
  for (const e of scoped) {
    const out: LaidOutEdge = { id: e.id, from: e.from, to: e.to, kind: e.kind, points: [] };
    if (ranked.has(e.id)) {
      const d = g.edge({ v: e.from, w: e.to, name: e.id });
      out.points = (d.points ?? []).map((p: Point) => ({ x: p.x, y: p.y }));
    } else {
      const a = boxes.get(e.from)!;
      const b = boxes.get(e.to)!;
      const ay = a.y + a.height / 2;
      const by = b.y + b.height / 2 + (b.y > a.y ? -6 : 6);
      out.points = [{ x: a.x + a.width, y: ay }, { x: lane, y: ay }, { x: lane, y: by }, { x: b.x + b.width, y: by }];
      lane += SIDE_LANE;
    }
    if (e.label) {
      out.label = e.label;
      out.labelAt = labelPoint(out.points, ranked.has(e.id), e.label);
    }
    laidEdges.push(out);
  }
  if (lane > width + SIDE_GAP) width = lane;
  const children = members.map((m) => ({ id: m.id, x: boxes.get(m.id)!.x, y: boxes.get(m.id)!.y }));
  return { width, height, children, edges: laidEdges };
}

const LARGE_SCOPE = 300;
const SIDE_GAP = 18;
const SIDE_LANE = 7;

/**
 * The edges dagre ranks. Catch and data edges usually jump far (every Task catching into one
 * handler): ranked, each long edge becomes a chain of dummy nodes and dominated the layout time
 * (measured: asl-100 ~7× slower with them). They are routed beside the drawing instead, except
 * one per target that nothing else reaches, so a failure handler still sits below a state that
 * leads to it (the last in document order, usually the deepest).
 */
function rankedEdges(edges: GraphEdge[]): Set<string> {
  const ranked = new Set<string>();
  const reachedOtherwise = new Set<string>();
  const lastSide = new Map<string, GraphEdge>();
  for (const e of edges) {
    if (e.kind === 'catch' || e.kind === 'data') lastSide.set(e.to, e);
    else {
      ranked.add(e.id);
      reachedOtherwise.add(e.to);
    }
  }
  for (const [to, e] of lastSide) if (!reachedOtherwise.has(to) && e.kind === 'catch') ranked.add(e.id);
  return ranked;
}

/** Where an edge's label goes: the middle of a ranked edge, beside the start of a side edge. */
function labelPoint(points: Point[], ranked: boolean, label: string): Point {
  if (!ranked) {
    const w = textWidth(label, METRICS.smallFont) + 8;
    return { x: points[0].x + w / 2 + 4, y: points[0].y - 9 };
  }
  if (points.length === 0) return { x: 0, y: 0 };
  const mid = points[Math.floor((points.length - 1) / 2)];
  const next = points[Math.min(points.length - 1, Math.floor((points.length - 1) / 2) + 1)];
  return { x: (mid.x + next.x) / 2, y: (mid.y + next.y) / 2 };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The layout as the CLI's `--format json` and the tests read it. */
export function layoutJson(layout: GraphLayout): unknown {
  const byId = new Map(layout.model.nodes.map((n) => [n.id, n]));
  return {
    kind: layout.model.kind,
    width: layout.width,
    height: layout.height,
    nodes: layout.nodes.map((n) => {
      const m = byId.get(n.id)!;
      return {
        id: n.id,
        kind: n.kind,
        label: m.label,
        ...(m.parent ? { parent: m.parent } : {}),
        ...(m.detail ? { detail: m.detail } : {}),
        ...(m.badges.length ? { badges: m.badges.map((b) => b.text) } : {}),
        ...(m.severity ? { severity: m.severity } : {}),
        ...(m.unreachable ? { unreachable: true } : {}),
        ...(m.source ? { line: m.source.nameRange.start.line + 1 } : {}),
        box: { x: n.x, y: n.y, width: n.width, height: n.height },
      };
    }),
    edges: layout.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, kind: e.kind, ...(e.label ? { label: e.label } : {}), points: e.points })),
  };
}
