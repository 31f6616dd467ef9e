// GraphLayout → SVG text. Pure (strings in, string out), so `aws-workflows graph --format svg`, the
// webview and its "Export as SVG" draw the same picture. Styling is by class; the colours come from
// a palette: VS Code's CSS variables in the webview, fixed colours in a standalone file. No inline
// style attributes, so the webview's Content-Security-Policy needs no 'unsafe-inline'.

import type { GraphLayout, LaidOutEdge, LaidOutNode } from './layout';
import { METRICS } from './layout';
import type { GraphNode, GraphNodeKind } from './model';
import { CONTAINER_KINDS } from './model';

export interface GraphPalette {
  background: string;
  font: string;
  text: string;
  muted: string;
  nodeFill: string;
  nodeStroke: string;
  containerFill: string;
  containerStroke: string;
  edge: string;
  catchEdge: string;
  dataEdge: string;
  labelFill: string;
  badgeFill: string;
  badgeText: string;
  error: string;
  warning: string;
  info: string;
  focus: string;
  task: string;
  choice: string;
  wait: string;
  pass: string;
  succeed: string;
  fail: string;
  map: string;
  parallel: string;
}

const v = (name: string, fallback: string) => `var(--vscode-${name}, ${fallback})`;

/** The webview's palette: the active theme's colours (light, dark, high contrast). */
export const VSCODE_PALETTE: GraphPalette = {
  background: v('editor-background', '#1e1e1e'),
  font: v('font-family', 'system-ui, sans-serif'),
  text: v('editor-foreground', '#cccccc'),
  muted: v('descriptionForeground', '#9d9d9d'),
  nodeFill: v('editorWidget-background', '#252526'),
  nodeStroke: v('contrastBorder', v('editorWidget-border', '#6b6b6b')),
  containerFill: v('sideBar-background', '#181818'),
  containerStroke: v('contrastBorder', v('panel-border', '#3c3c3c')),
  edge: v('editorLineNumber-activeForeground', '#a0a0a0'),
  catchEdge: v('charts-orange', '#d18616'),
  dataEdge: v('charts-blue', '#3794ff'),
  labelFill: v('editor-background', '#1e1e1e'),
  badgeFill: v('badge-background', '#4d4d4d'),
  badgeText: v('badge-foreground', '#ffffff'),
  error: v('editorError-foreground', '#f14c4c'),
  warning: v('editorWarning-foreground', '#cca700'),
  info: v('editorInfo-foreground', '#3794ff'),
  focus: v('focusBorder', '#0078d4'),
  task: v('charts-blue', '#3794ff'),
  choice: v('charts-purple', '#b180d7'),
  wait: v('charts-yellow', '#cca700'),
  pass: v('charts-foreground', '#cccccc'),
  succeed: v('charts-green', '#89d185'),
  fail: v('charts-red', '#f14c4c'),
  map: v('charts-orange', '#d18616'),
  parallel: v('charts-purple', '#b180d7'),
};

/** A standalone file's palette (the CLI): VS Code's Light+ colours, readable on paper and in a PR. */
export const LIGHT_PALETTE: GraphPalette = {
  background: '#ffffff', font: 'system-ui, -apple-system, "Segoe UI", sans-serif', text: '#1f1f1f', muted: '#616161',
  nodeFill: '#f8f8f8', nodeStroke: '#9a9a9a', containerFill: '#f3f3f3', containerStroke: '#c8c8c8',
  edge: '#6f6f6f', catchEdge: '#c76a00', dataEdge: '#1a85ff', labelFill: '#ffffff', badgeFill: '#e4e4e4', badgeText: '#1f1f1f',
  error: '#e51400', warning: '#bf8803', info: '#1a85ff', focus: '#0078d4',
  task: '#1a85ff', choice: '#652d90', wait: '#bf8803', pass: '#616161', succeed: '#388a34', fail: '#e51400', map: '#c76a00', parallel: '#652d90',
};

/** The stylesheet for the classes renderSvg emits. */
export function graphCss(p: GraphPalette, scope = '.wf-graph'): string {
  const accents: [string, string][] = [['task', p.task], ['dagTask', p.task], ['step', p.task], ['choice', p.choice], ['wait', p.wait], ['pass', p.pass], ['succeed', p.succeed], ['fail', p.fail], ['map', p.map], ['parallel', p.parallel], ['branch', p.parallel], ['dag', p.task], ['stateMachine', p.task], ['start', p.edge], ['end', p.edge]];
  return [
    `${scope}{font-family:${p.font};font-size:${METRICS.font}px;background:${p.background}}`,
    `${scope} .wf-bg{fill:${p.background}}`,
    `${scope} text{fill:${p.text}}`,
    `${scope} .wf-detail,${scope} .wf-container-label{fill:${p.muted};font-size:${METRICS.smallFont}px}`,
    `${scope} .wf-shape{fill:${p.nodeFill};stroke:${p.nodeStroke};stroke-width:1}`,
    `${scope} .wf-container>.wf-shape{fill:${p.containerFill};stroke:${p.containerStroke};stroke-dasharray:4 3}`,
    `${scope} .kind-map>.wf-shape,${scope} .kind-parallel>.wf-shape{stroke-dasharray:none}`,
    ...accents.map(([kind, colour]) => `${scope} .kind-${kind} .wf-accent{fill:${colour}}${scope} .kind-${kind} .wf-icon{stroke:${colour}}`),
    `${scope} .kind-start>.wf-shape,${scope} .kind-end>.wf-shape{fill:${p.edge};stroke:none}${scope} .kind-start text,${scope} .kind-end text{fill:${p.background};font-weight:600}`,
    `${scope} .wf-icon{fill:none;stroke-width:1.4}`,
    `${scope} .wf-badge rect{fill:${p.badgeFill}}${scope} .wf-badge text{fill:${p.badgeText};font-size:${METRICS.smallFont - 1}px}`,
    `${scope} .wf-edge path{fill:none;stroke:${p.edge};stroke-width:1.3}`,
    `${scope} .wf-edge.kind-catch path{stroke:${p.catchEdge};stroke-dasharray:5 4}`,
    `${scope} .wf-edge.kind-data path{stroke:${p.dataEdge};stroke-dasharray:2 3}`,
    `${scope} .wf-edge.kind-default path{stroke-dasharray:8 3}`,
    `${scope} .wf-arrow{fill:${p.edge}}${scope} .wf-arrow-catch{fill:${p.catchEdge}}${scope} .wf-arrow-data{fill:${p.dataEdge}}`,
    `${scope} .wf-edge-label rect{fill:${p.labelFill};opacity:.9}${scope} .wf-edge-label text{fill:${p.muted};font-size:${METRICS.smallFont}px}`,
    `${scope} .wf-edge.kind-catch .wf-edge-label text{fill:${p.catchEdge}}`,
    `${scope} .sev-error>.wf-shape{stroke:${p.error};stroke-width:2.5}${scope} .sev-warning>.wf-shape{stroke:${p.warning};stroke-width:2.5}${scope} .sev-info>.wf-shape{stroke:${p.info};stroke-width:2}`,
    `${scope} .wf-marker.sev-error{fill:${p.error}}${scope} .wf-marker.sev-warning{fill:${p.warning}}${scope} .wf-marker.sev-info{fill:${p.info}}${scope} .wf-marker-text{fill:${p.background};font-weight:700;font-size:10px}`,
    `${scope} .wf-unreachable{opacity:.45}`,
    `${scope} .wf-highlight>.wf-shape{stroke:${p.focus};stroke-width:3}`,
  ].join('\n');
}

export interface SvgOptions {
  /** Embed a stylesheet for this palette (standalone files). The webview styles the classes itself. */
  palette?: GraphPalette;
  /** A background rectangle (standalone files). */
  background?: boolean;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => String(Math.round(x * 10) / 10);

export function renderSvg(layout: GraphLayout, options: SvgOptions = {}): string {
  const byId = new Map(layout.model.nodes.map((m) => [m.id, m]));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="wf-graph" width="${n(layout.width)}" height="${n(layout.height)}" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}" data-kind="${layout.model.kind}">`);
  out.push('<defs>');
  for (const [id, cls] of [['wf-arrow', 'wf-arrow'], ['wf-arrow-catch', 'wf-arrow-catch'], ['wf-arrow-data', 'wf-arrow-data']]) {
    out.push(`<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="${cls}" d="M0 0L10 5L0 10z"/></marker>`);
  }
  out.push('</defs>');
  if (options.palette) out.push(`<style>${graphCss(options.palette)}</style>`);
  if (options.background) out.push(`<rect class="wf-bg" x="0" y="0" width="${n(layout.width)}" height="${n(layout.height)}"/>`);
  // Containers first (under everything), then edges, then leaf nodes on top.
  const containers = layout.nodes.filter((l) => CONTAINER_KINDS.has(l.kind));
  const leaves = layout.nodes.filter((l) => !CONTAINER_KINDS.has(l.kind));
  for (const l of containers) out.push(renderNode(l, byId.get(l.id)!));
  for (const e of layout.edges) out.push(renderEdge(e));
  for (const l of leaves) out.push(renderNode(l, byId.get(l.id)!));
  out.push('</svg>');
  return out.join('\n');
}

function nodeClasses(l: LaidOutNode, m: GraphNode): string {
  const classes = ['wf-node', `kind-${l.kind}`];
  if (CONTAINER_KINDS.has(l.kind)) classes.push('wf-container');
  if (m.severity && m.severity !== 'hint') classes.push(`sev-${m.severity}`);
  if (m.unreachable) classes.push('wf-unreachable');
  return classes.join(' ');
}

/** What hovering a node says: its name and kind, its full resource, its findings. */
export function nodeTooltip(m: GraphNode): string {
  const lines = [`${m.label} (${KIND_NAMES[m.kind]})`];
  if (m.description) lines.push(m.description);
  else if (m.detail) lines.push(m.detail);
  for (const b of m.badges) if (b.title) lines.push(b.title);
  if (m.unreachable) lines.push('Unreachable: no transition leads here.');
  for (const f of m.findings) lines.push(`${f.severity === 'error' ? 'Error' : f.severity === 'warning' ? 'Warning' : 'Info'}: ${f.message}`);
  return lines.join('\n');
}

export const KIND_NAMES: Record<GraphNodeKind, string> = {
  task: 'Task', pass: 'Pass', choice: 'Choice', wait: 'Wait', succeed: 'Succeed', fail: 'Fail', parallel: 'Parallel', map: 'Map',
  branch: 'Parallel branch', dagTask: 'Airflow task', dag: 'DAG', step: 'Image Builder step', stateMachine: 'State machine resource', note: 'Note', start: 'Start', end: 'End',
};

function renderNode(l: LaidOutNode, m: GraphNode): string {
  const attrs = `class="${nodeClasses(l, m)}" data-id="${esc(l.id)}" transform="translate(${n(l.x)} ${n(l.y)})"`;
  const title = `<title>${esc(nodeTooltip(m))}</title>`;
  const { width: w, height: h } = l;
  if (l.kind === 'start' || l.kind === 'end') {
    return `<g ${attrs}>${title}<rect class="wf-shape" width="${n(w)}" height="${n(h)}" rx="${n(h / 2)}"/><text x="${n(w / 2)}" y="${n(h / 2 + 4)}" text-anchor="middle">${esc(m.label)}</text></g>`;
  }
  if (CONTAINER_KINDS.has(l.kind)) {
    const label = fit(m.label, w - 40, METRICS.font * METRICS.boldFactor);
    const labelEnd = 26 + label.length * METRICS.font * METRICS.charWidth;
    const badgeWidth = m.badges.reduce((sum, b) => sum + badgeSize(b.text) + 4, 0);
    const room = w - labelEnd - badgeWidth - 16;
    const detail = m.detail && room > 30 ? `<text class="wf-container-label" x="${n(labelEnd + 8)}" y="17">${esc(fit(m.detail, room, METRICS.smallFont))}</text>` : '';
    return `<g ${attrs}>${title}<rect class="wf-shape" width="${n(w)}" height="${n(h)}" rx="6"/>${icon(l.kind, 8, 6)}<text x="26" y="17" font-weight="600">${esc(label)}</text>${detail}${renderBadges(m, w, 4, 'end')}${severityMarker(m, w)}</g>`;
  }
  const parts = [`<g ${attrs}>`, title, shape(l.kind, w, h), `<rect class="wf-accent" x="0" y="0" width="4" height="${n(h)}" rx="2"/>`, icon(l.kind, 10, 9)];
  const textX = 28;
  parts.push(`<text x="${textX}" y="20" font-weight="600">${esc(fit(m.label, w - textX - 8, METRICS.font * METRICS.boldFactor))}</text>`);
  if (m.detail) parts.push(`<text class="wf-detail" x="${textX}" y="36">${esc(fit(m.detail, w - textX - 8, METRICS.smallFont))}</text>`);
  if (m.badges.length) parts.push(renderBadges(m, w, h - METRICS.badgeHeight - 4, 'row'));
  parts.push(severityMarker(m, w), '</g>');
  return parts.join('');
}

function shape(kind: GraphNodeKind, w: number, h: number): string {
  if (kind === 'choice') {
    const c = 10;
    return `<path class="wf-shape" d="M${c} 0H${n(w - c)}L${n(w)} ${n(h / 2)}L${n(w - c)} ${n(h)}H${c}L0 ${n(h / 2)}Z"/>`;
  }
  const rx = kind === 'succeed' || kind === 'fail' ? h / 2 : kind === 'pass' ? 2 : 6;
  return `<rect class="wf-shape" width="${n(w)}" height="${n(h)}" rx="${n(Math.min(rx, 18))}"/>`;
}

/** Small line icons, one per kind, drawn in the kind's accent colour. */
function icon(kind: GraphNodeKind, x: number, y: number): string {
  const d: Partial<Record<GraphNodeKind, string>> = {
    task: 'M1 2h10v8H1zM3 5h6M3 7.5h4',
    dagTask: 'M1 2h10v8H1zM3 5h6M3 7.5h4',
    step: 'M1 2h10v8H1zM4 4l3 2-3 2',
    choice: 'M6 0.5L11.5 6L6 11.5L0.5 6Z',
    wait: 'M6 1a5 5 0 1 0 0.01 0M6 3v3l2 1.5',
    pass: 'M1 6h9M7 3l3 3-3 3',
    succeed: 'M1.5 6.5l3 3 6-7',
    fail: 'M2 2l8 8M10 2l-8 8',
    parallel: 'M3 1v10M9 1v10',
    branch: 'M3 1v10M3 6h6',
    map: 'M1 3h7v7H1zM4 1h7v7',
    dag: 'M1 2h10v8H1z',
    stateMachine: 'M1 2h10v8H1zM3 5h6M3 7.5h4',
    note: 'M6 1a5 5 0 1 0 0.01 0M6 5v4M6 3v0.5',
  };
  const path = d[kind];
  return path ? `<path class="wf-icon" transform="translate(${x} ${y})" d="${path}"/>` : '';
}

const badgeSize = (text: string) => text.length * (METRICS.smallFont - 1) * METRICS.charWidth + 10;

/** Badges in a row under the text (`row`), or right-aligned in a container's header (`end`). */
function renderBadges(m: GraphNode, w: number, y: number, mode: 'row' | 'end'): string {
  const out: string[] = [];
  let x = mode === 'row' ? 28 : w - 14;
  for (const b of mode === 'row' ? m.badges : [...m.badges].reverse()) {
    const bw = badgeSize(b.text);
    if (mode === 'end') x -= bw;
    if (mode === 'row' && x + bw > w - 4) break;
    out.push(`<g class="wf-badge kind-badge-${esc(b.kind)}" transform="translate(${n(x)} ${n(y)})"><rect width="${n(bw)}" height="${METRICS.badgeHeight}" rx="8"/><text x="${n(bw / 2)}" y="11.5" text-anchor="middle">${esc(b.text)}</text>${b.title ? `<title>${esc(b.title)}</title>` : ''}</g>`);
    x += mode === 'row' ? bw + 4 : -4;
  }
  return out.join('');
}

function severityMarker(m: GraphNode, w: number): string {
  if (!m.severity || m.severity === 'hint') return '';
  const glyph = m.severity === 'error' ? '!' : m.severity === 'warning' ? '!' : 'i';
  return `<g transform="translate(${n(w - 4)} 4)"><circle class="wf-marker sev-${m.severity}" r="7"/><text class="wf-marker-text" y="3.5" text-anchor="middle">${glyph}</text></g>`;
}

function renderEdge(e: LaidOutEdge): string {
  const pts = e.points;
  if (pts.length < 2) return '';
  const d = smoothPath(pts);
  const marker = e.kind === 'catch' ? 'wf-arrow-catch' : e.kind === 'data' ? 'wf-arrow-data' : 'wf-arrow';
  const parts = [`<g class="wf-edge kind-${e.kind}" data-id="${esc(e.id)}" data-from="${esc(e.from)}" data-to="${esc(e.to)}">`, `<path d="${d}" marker-end="url(#${marker})"/>`];
  if (e.label && e.labelAt) {
    const lw = e.label.length * METRICS.smallFont * METRICS.charWidth + 8;
    parts.push(`<g class="wf-edge-label" transform="translate(${n(e.labelAt.x - lw / 2)} ${n(e.labelAt.y - 8)})"><rect width="${n(lw)}" height="15" rx="3"/><text x="${n(lw / 2)}" y="11" text-anchor="middle">${esc(e.label)}</text></g>`);
  }
  parts.push('</g>');
  return parts.join('');
}

/** A polyline with rounded corners (quadratic joins), cheap to draw and easy to follow. */
function smoothPath(pts: { x: number; y: number }[]): string {
  let d = `M${n(pts[0].x)} ${n(pts[0].y)}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const p = pts[i];
    const next = pts[i + 1];
    const mid = { x: (p.x + next.x) / 2, y: (p.y + next.y) / 2 };
    d += `Q${n(p.x)} ${n(p.y)} ${n(mid.x)} ${n(mid.y)}`;
  }
  const last = pts[pts.length - 1];
  return `${d}L${n(last.x)} ${n(last.y)}`;
}

/** Cuts text to the width available, with an ellipsis. */
function fit(text: string, width: number, size: number): string {
  const max = Math.max(1, Math.floor(width / (size * METRICS.charWidth)));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
