// Graph view benchmark: model + layout time of the state machine graph (src/core/graph) on the
// generated 100-state and 1,400-state (~1 MB) machines and on a deeply nested Parallel/Map machine,
// with the same graphs laid out by elkjs (layered, hierarchical) in the same run: the figures behind
// the choice of @dagrejs/dagre in src/core/graph/layout.ts. Quality is compared by edge crossings and
// drawing area. Then the webview bundle's size (goal ≤ 400 KB).
//   node scripts/bench/graph.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { generateAsl } from './generate-asl.mjs';
import { bundleCore, repoRoot } from '../lib/bundle-core.mjs';

const require = createRequire(import.meta.url);
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : undefined;

const ours = await bundleCore('graph', `export { buildGraph } from './src/core/graph/index';
export { layoutGraph, leafSize, textWidth, METRICS } from './src/core/graph/layout';
export { CONTAINER_KINDS } from './src/core/graph/model';`);
const ELK = require('elkjs/lib/elk.bundled.js');
const elk = new ELK();

/** Parallel → Map → Parallel, three levels deep, with Choice and Catch edges in every scope. */
function nestedMachine(depth = 3, width = 3) {
  let n = 0;
  const chain = (level) => {
    const states = {};
    const a = `Check${n++}`;
    const b = `Work${n++}`;
    const c = `Recover${n++}`;
    const d = `Done${n++}`;
    states[a] = { Type: 'Choice', Choices: [{ Variable: '$.x', NumericGreaterThan: level, Next: b }], Default: d };
    if (level < depth) {
      const inner = `Fan${n++}`;
      const map = `Each${n++}`;
      states[b] = { Type: 'Parallel', Branches: Array.from({ length: width }, () => chain(level + 1)), Catch: [{ ErrorEquals: ['States.ALL'], Next: c }], Next: map };
      states[map] = { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...chain(level + 1) }, Next: d };
      void inner;
    } else {
      states[b] = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'f' }, Retry: [{ ErrorEquals: ['States.ALL'] }], Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: c }], Next: d };
    }
    states[c] = { Type: 'Pass', Next: d };
    states[d] = { Type: 'Succeed' };
    return { StartAt: a, States: states };
  };
  return JSON.stringify({ QueryLanguage: 'JSONata', ...chain(1) }, null, 2);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function measure(fn, runs) {
  for (let i = 0; i < 3; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The same model as an ELK graph: containers hold their children, edges sit in their scope. */
function toElk(model) {
  const nodes = new Map();
  const root = { id: '::root', layoutOptions: elkOptions(), children: [], edges: [] };
  for (const n of model.nodes) {
    const container = ours.CONTAINER_KINDS.has(n.kind);
    const size = ours.leafSize(n);
    const node = container
      ? { id: n.id, layoutOptions: { ...elkOptions(), 'elk.padding': `[top=${ours.METRICS.containerHeader + 14},left=14,bottom=14,right=14]` }, children: [], edges: [] }
      : { id: n.id, width: size.width, height: size.height };
    nodes.set(n.id, node);
    (n.parent ? nodes.get(n.parent) : root).children.push(node);
  }
  const parentOf = new Map(model.nodes.map((n) => [n.id, n.parent]));
  for (const e of model.edges) {
    const scope = parentOf.get(e.from) ? nodes.get(parentOf.get(e.from)) : root;
    const edge = { id: e.id, sources: [e.from], targets: [e.to] };
    if (e.label) edge.labels = [{ text: e.label, width: ours.textWidth(e.label, ours.METRICS.smallFont) + 8, height: 14 }];
    scope.edges.push(edge);
  }
  return root;
}

function elkOptions() {
  return { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.spacing.nodeNode': '28', 'elk.layered.spacing.nodeNodeBetweenLayers': '36', 'elk.edgeLabels.inline': 'true' };
}

/** Edge crossings of a drawing: pairs of segments that properly intersect. */
function crossings(segmentsList) {
  const segs = [];
  segmentsList.forEach((points, edge) => {
    for (let i = 1; i < points.length; i++) segs.push({ edge, a: points[i - 1], b: points[i] });
  });
  const cross = (p, q, r) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  let count = 0;
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const s = segs[i];
      const t = segs[j];
      if (s.edge === t.edge) continue;
      const d1 = cross(s.a, s.b, t.a);
      const d2 = cross(s.a, s.b, t.b);
      const d3 = cross(t.a, t.b, s.a);
      const d4 = cross(t.a, t.b, s.b);
      if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) count++;
    }
  }
  return count;
}

function elkEdgePoints(root) {
  const out = [];
  const walk = (node, ox, oy) => {
    for (const e of node.edges ?? []) {
      for (const s of e.sections ?? []) out.push([s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: p.x + ox, y: p.y + oy })));
    }
    for (const c of node.children ?? []) if (c.children) walk(c, ox + c.x, oy + c.y);
  };
  walk(root, 0, 0);
  return out;
}

const inputs = [
  { name: 'asl-100', goalMs: 50, ...generateAsl(100, { targetChars: 70_000 }) },
  { name: 'nested (3 levels)', text: nestedMachine() },
  { name: 'asl-1400 (~1 MB)', goalMs: 1000, ...generateAsl(1400, { targetChars: 1_040_000 }) },
];

console.log('Graph layout: our model + dagre (per container) vs elkjs layered (hierarchical), median ms');
console.log('graph               states  nodes  model ms  layout ms  elk ms   ratio  crossings ours/elk  area ours/elk (kpx²)  goal');
for (const input of inputs) {
  const big = input.text.length > 500_000;
  const runs = RUNS ?? (big ? 7 : 31);
  const build = () => ours.buildGraph({ fileName: `${input.name}.asl.json`, text: input.text, kind: 'stateMachine' });
  const result = build();
  if (!result.ok) throw new Error(`${input.name}: ${result.message}`);
  const model = result.model;
  const states = model.nodes.filter((n) => !['start', 'end', 'branch'].includes(n.kind)).length;
  const modelMs = await measure(build, runs);
  const layoutMs = await measure(() => ours.layoutGraph(model), runs);
  const layout = ours.layoutGraph(model);
  // elkjs is not run on the 1 MB machine: one hierarchical layout of it did not finish within minutes
  // here, and the comparison that chose the library is on the smaller and nested graphs.
  const elkMs = big ? Number.NaN : await measure(() => elk.layout(toElk(model)), Math.min(runs, 11));
  const elkLayout = big ? { width: Number.NaN, height: Number.NaN } : await elk.layout(toElk(model));
  const ourCross = big ? '-' : crossings(layout.edges.map((e) => e.points));
  const elkCross = big ? '-' : crossings(elkEdgePoints(elkLayout));
  const area = (w, h) => (Number.isNaN(w * h) ? '-' : ((w * h) / 1000).toFixed(0));
  const goal = input.goalMs ? `model+layout ≤ ${input.goalMs} ms ${modelMs + layoutMs <= input.goalMs ? 'met' : 'NOT MET'}` : '';
  console.log(
    `${input.name.padEnd(19)} ${String(states).padStart(6)}  ${String(model.nodes.length).padStart(5)}  ${modelMs.toFixed(1).padStart(8)}  ${layoutMs.toFixed(1).padStart(9)}  ${(big ? '-' : elkMs.toFixed(1)).padStart(6)}  ${(big ? '-' : `${(elkMs / layoutMs).toFixed(1)}×`).padStart(6)}  ${`${ourCross}/${elkCross}`.padStart(18)}  ${`${area(layout.width, layout.height)}/${area(elkLayout.width, elkLayout.height)}`.padStart(20)}  ${goal}`,
  );
}

// The webview's script as shipped (production build).
const built = spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: repoRoot, stdio: 'inherit' });
if (built.status === 0 && existsSync(path.join(repoRoot, 'dist', 'graphView.js'))) {
  const bytes = statSync(path.join(repoRoot, 'dist', 'graphView.js')).size;
  console.log(`\nwebview bundle dist/graphView.js ${(bytes / 1024).toFixed(1)} KB (goal ≤ 400 KB ${bytes <= 400 * 1024 ? 'met' : 'NOT MET'})`);
} else {
  process.exitCode = 1;
}
