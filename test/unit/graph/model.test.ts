import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildGraph, graphFindings, START_ID, END_ID, type GraphModel, type GraphResult } from '../../../src/core/graph/index';
import { layoutGraph } from '../../../src/core/graph/layout';
import { renderSvg, LIGHT_PALETTE, VSCODE_PALETTE, graphCss } from '../../../src/core/graph/svg';
import { toDot } from '../../../src/core/graph/dot';
import { lintText } from '../../../src/core/lint';

const examples = path.join(__dirname, '..', '..', '..', 'examples');

function model(result: GraphResult): GraphModel {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.model;
}

function asl(definition: unknown, fileName = 'm.asl.json'): GraphModel {
  return model(buildGraph({ fileName, text: JSON.stringify(definition, null, 2) }));
}

const edge = (m: GraphModel, from: string, to: string) => m.edges.filter((e) => e.from === from && e.to === to);
const node = (m: GraphModel, id: string) => {
  const n = m.nodes.find((x) => x.id === id);
  assert.ok(n, `no node ${id}`);
  return n;
};

const EVERY_TYPE = {
  StartAt: 'Work',
  States: {
    Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 3 }, { ErrorEquals: ['States.ALL'] }], Catch: [{ ErrorEquals: ['States.TaskFailed', 'Custom.Error'], Next: 'Broken' }], Next: 'Decide' },
    Decide: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.total', NumericGreaterThan: 1000, Next: 'Hold' },
        { And: [{ Variable: '$.kind', StringEquals: 'gift' }, { Not: { Variable: '$.note', IsPresent: true } }], Next: 'Nothing' },
      ],
      Default: 'Fan',
    },
    Hold: { Type: 'Wait', Seconds: 10, Next: 'Fan' },
    Nothing: { Type: 'Pass', Next: 'Fan' },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'A1', States: { A1: { Type: 'Pass', Next: 'A2' }, A2: { Type: 'Succeed' } } },
        { StartAt: 'B1', States: { B1: { Type: 'Pass', End: true } } },
      ],
      Next: 'Each',
    },
    Each: {
      Type: 'Map',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'Inner', States: { Inner: { Type: 'Pass', End: true } } },
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
    Broken: { Type: 'Fail', Error: 'Failed' },
  },
};

describe('Graph model: Step Functions', () => {
  it('gives every state type its kind, and marks start and end', () => {
    const m = asl(EVERY_TYPE);
    const kinds = Object.fromEntries(m.nodes.map((n) => [n.id, n.kind]));
    assert.deepEqual(
      { Work: kinds.Work, Decide: kinds.Decide, Hold: kinds.Hold, Nothing: kinds.Nothing, Fan: kinds.Fan, Each: kinds.Each, Done: kinds.Done, Broken: kinds.Broken },
      { Work: 'task', Decide: 'choice', Hold: 'wait', Nothing: 'pass', Fan: 'parallel', Each: 'map', Done: 'succeed', Broken: 'fail' },
    );
    assert.equal(kinds[START_ID], 'start');
    assert.equal(kinds[END_ID], 'end');
    assert.equal(edge(m, START_ID, 'Work')[0].kind, 'start');
    assert.deepEqual(m.edges.filter((e) => e.to === END_ID).map((e) => e.from).sort(), ['Broken', 'Done']);
    assert.equal(node(m, 'Work').start, true);
    assert.equal(node(m, 'Work').detail, 'lambda:invoke');
    assert.equal(node(m, 'Hold').detail, 'Seconds 10');
  });

  it('labels Choice rules with their condition and marks the Default', () => {
    const m = asl(EVERY_TYPE);
    assert.deepEqual(edge(m, 'Decide', 'Hold').map((e) => [e.kind, e.label]), [['choice', '$.total > 1000']]);
    const compound = edge(m, 'Decide', 'Nothing')[0];
    assert.equal(compound.kind, 'choice');
    assert.equal(compound.title ?? compound.label, '$.kind == "gift" && !(isPresent($.note))');
    assert.ok(compound.label!.length <= 36 && compound.label!.endsWith('…'), compound.label);
    assert.deepEqual(edge(m, 'Decide', 'Fan').map((e) => [e.kind, e.label]), [['default', 'Default']]);
  });

  it('draws Catch edges with their error names and a Retry badge', () => {
    const m = asl(EVERY_TYPE);
    const c = edge(m, 'Work', 'Broken')[0];
    assert.equal(c.kind, 'catch');
    assert.equal(c.label, 'States.TaskFailed, Custom.Error');
    const retry = node(m, 'Work').badges.find((b) => b.kind === 'retry');
    assert.equal(retry?.text, 'Retry ×2');
    assert.match(retry?.title ?? '', /States\.Timeout ×3/);
    assert.equal(edge(m, 'Work', 'Decide')[0].kind, 'next');
  });

  it('nests Parallel branches and Map processors, and marks a Distributed Map', () => {
    const m = asl(EVERY_TYPE);
    assert.equal(node(m, 'Fan::branch-1').kind, 'branch');
    assert.equal(node(m, 'Fan::branch-1').parent, 'Fan');
    assert.equal(node(m, 'A1').parent, 'Fan::branch-1');
    assert.equal(node(m, 'B1').parent, 'Fan::branch-2');
    assert.equal(node(m, 'Inner').parent, 'Each');
    assert.equal(edge(m, 'A1', 'A2')[0].kind, 'next');
    assert.ok(node(m, 'Each').badges.some((b) => b.kind === 'distributed'));
    assert.equal(node(m, 'Fan').detail, '2 branches');
    // Parents come before their children, so a renderer can draw containers first.
    const order = m.nodes.map((n) => n.id);
    assert.ok(order.indexOf('Fan') < order.indexOf('Fan::branch-1') && order.indexOf('Fan::branch-1') < order.indexOf('A1'));
  });

  it('reads YAML and JSONata like JSON and JSONPath', () => {
    const m = model(buildGraph({ fileName: 'order-pipeline.asl.yaml', text: readFileSync(path.join(examples, 'statemachines', 'order-pipeline.asl.yaml'), 'utf8') }));
    assert.equal(m.kind, 'stateMachine');
    assert.deepEqual(edge(m, 'NeedsApproval', 'WaitForApproval').map((e) => e.label), ['$states.input.total > 1000']);
    assert.equal(edge(m, 'ChargePayment', 'PaymentFailed')[0].kind, 'catch');
    assert.equal(node(m, 'WaitForApproval').detail, 'activity: manual-approval');
  });

  it('tolerates unquoted template placeholders and draws broken transitions as nothing', () => {
    const text = '{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":${Delay},"Next":"Nowhere"},"B":{"Type":"Succeed"}}}';
    const m = model(buildGraph({ fileName: 'x.asl.json', text }));
    assert.deepEqual(m.nodes.filter((n) => n.kind !== 'start' && n.kind !== 'end').map((n) => n.id), ['A', 'B']);
    assert.deepEqual(edge(m, 'A', 'Nowhere'), []);
  });

  it('marks findings by severity on the innermost node and greys unreachable states', () => {
    const def = { StartAt: 'A', States: { A: { Type: 'Pass', End: true }, Orphan: { Type: 'Pass', End: true }, P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'X', States: { X: { Type: 'Wait', Seconds: -1, End: true } } }] } } };
    const text = JSON.stringify(def, null, 2);
    const findings = lintText({ fileName: 'x.asl.json', text }).findings;
    const m = model(buildGraph({ fileName: 'x.asl.json', text, findings: graphFindings(findings) }));
    assert.equal(node(m, 'Orphan').unreachable, true);
    assert.equal(node(m, 'Orphan').severity, 'error');
    assert.equal(node(m, 'P').unreachable, true);
    assert.equal(node(m, 'A').severity, undefined);
    // The bad Seconds sits in X, inside a branch of P: X carries it, not P.
    assert.ok(node(m, 'X').findings.some((f) => /Seconds/.test(f.message)), JSON.stringify(node(m, 'X').findings));
  });

  it('gives a parse error with its line instead of a graph', () => {
    const r = buildGraph({ fileName: 'x.asl.json', text: '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass" "End": true }\n  }\n}' });
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.reason === 'parse-error' && /line 4/.test(r.message), JSON.stringify(r));
    const other = buildGraph({ fileName: 'package.json', text: '{"name":"x"}' });
    assert.ok(!other.ok && other.reason === 'not-a-workflow');
  });

  it('keeps duplicate state names apart', () => {
    const m = asl({ StartAt: 'P', States: { P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'S', States: { S: { Type: 'Succeed' } } }, { StartAt: 'S', States: { S: { Type: 'Succeed' } } }] } } });
    assert.deepEqual(m.nodes.filter((n) => n.label === 'S').map((n) => n.id), ['S', 'S~2']);
  });
});

describe('Graph model: MWAA Serverless DAGs', () => {
  it('draws tasks with their operator and dependencies', () => {
    const m = model(buildGraph({ fileName: 'nightly-etl.yaml', text: readFileSync(path.join(examples, 'dags', 'nightly-etl.yaml'), 'utf8') }));
    assert.equal(m.kind, 'airflowWorkflow');
    assert.deepEqual(m.nodes.map((n) => [n.id, n.kind, n.detail]), [
      ['list_orders', 'dagTask', 'S3ListOperator'],
      ['transform_orders', 'dagTask', 'GlueJobOperator'],
      ['refresh_table', 'dagTask', 'AthenaOperator'],
    ]);
    assert.deepEqual(m.edges.map((e) => [e.from, e.to, e.kind]), [['list_orders', 'transform_orders', 'dependency'], ['transform_orders', 'refresh_table', 'dependency']]);
    assert.equal(node(m, 'list_orders').description, 'airflow.providers.amazon.aws.operators.s3.S3ListOperator');
  });

  it('puts each DAG of a file with several in its own container', () => {
    const text = 'a:\n  dag_id: a\n  tasks:\n    t1:\n      operator: x.BashOperator\nb:\n  dag_id: b\n  tasks:\n    t1:\n      operator: x.BashOperator\n    t2:\n      operator: x.BashOperator\n      dependencies: [t1]\n';
    const m = model(buildGraph({ fileName: 'dags.yaml', text, kind: 'airflowWorkflow' }));
    assert.deepEqual(m.nodes.map((n) => [n.id, n.kind, n.parent]), [['a', 'dag', undefined], ['a::t1', 'dagTask', 'a'], ['b', 'dag', undefined], ['b::t1', 'dagTask', 'b'], ['b::t2', 'dagTask', 'b']]);
    assert.deepEqual(m.edges.map((e) => [e.from, e.to]), [['b::t1', 'b::t2']]);
  });
});

describe('Graph model: Image Builder workflows', () => {
  it('draws steps in order with action, onFailure and $.stepOutputs references', () => {
    const m = model(buildGraph({ fileName: 'hardened-build.yaml', text: readFileSync(path.join(examples, 'imagebuilder', 'hardened-build.yaml'), 'utf8') }));
    assert.equal(m.kind, 'imageBuilderWorkflow');
    const steps = m.nodes.filter((n) => n.kind === 'step');
    assert.equal(steps.length, 7);
    assert.deepEqual([steps[0].id, steps[0].detail], ['LaunchBuildInstance', 'LaunchInstance']);
    assert.ok(node(m, 'TerminateBuildInstance').badges.some((b) => b.text === 'onFailure: Continue'));
    assert.ok(node(m, 'InventoryCollection').badges.some((b) => b.kind === 'condition'));
    assert.equal(edge(m, 'LaunchBuildInstance', 'ApplyBuildComponents').find((e) => e.kind === 'next')?.kind, 'next');
    const data = m.edges.filter((e) => e.kind === 'data');
    assert.deepEqual(data.filter((e) => e.from === 'LaunchBuildInstance').map((e) => [e.to, e.label]), [
      ['ApplyBuildComponents', 'instanceId'], ['InventoryCollection', 'instanceId'], ['RunSanitizeScript', 'instanceId'], ['CreateOutputAMI', 'instanceId'], ['TerminateBuildInstance', 'instanceId'],
    ]);
    assert.deepEqual(data.filter((e) => e.to === END_ID).map((e) => [e.from, e.label]), [['CreateOutputAMI', 'imageId']]);
  });
});

describe('Graph layout and drawing', () => {
  it('gives every node a box inside its container, and every edge a path', () => {
    const m = asl(EVERY_TYPE);
    const layout = layoutGraph(m);
    assert.equal(layout.nodes.length, m.nodes.length);
    const boxes = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const n of layout.nodes) {
      assert.ok(n.width > 0 && n.height > 0 && n.x >= 0 && n.y >= 0, n.id);
      assert.ok(n.x + n.width <= layout.width && n.y + n.height <= layout.height, `${n.id} outside the drawing`);
      if (!n.parent) continue;
      const p = boxes.get(n.parent)!;
      assert.ok(n.x >= p.x && n.y >= p.y && n.x + n.width <= p.x + p.width + 0.2 && n.y + n.height <= p.y + p.height + 0.2, `${n.id} outside ${n.parent}`);
    }
    for (const e of layout.edges) assert.ok(e.points.length >= 2, e.id);
    // Leaf boxes of one scope do not overlap.
    const top = layout.nodes.filter((n) => !n.parent);
    for (const a of top) for (const b of top) {
      if (a === b) continue;
      assert.ok(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.id} overlaps ${b.id}`);
    }
  });

  it('renders SVG with a data-id per node, tooltips, severity classes and no inline styles', () => {
    const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true }, 'B <&>': { Type: 'Pass', End: true } } });
    const m = model(buildGraph({ fileName: 'x.asl.json', text, findings: graphFindings(lintText({ fileName: 'x.asl.json', text }).findings) }));
    const svg = renderSvg(layoutGraph(m), { palette: LIGHT_PALETTE, background: true });
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.includes('data-id="A"') && svg.includes('data-id="B &lt;&amp;&gt;"'));
    assert.match(svg, /class="wf-node kind-pass sev-error wf-unreachable" data-id="B &lt;&amp;&gt;"/);
    assert.match(svg, /<title>B &lt;&amp;&gt; \(Pass\)\nUnreachable: no transition leads here\.\nError: State 'B &lt;&amp;&gt;' is not reachable/);
    assert.doesNotMatch(svg, /\sstyle="/);
    assert.doesNotMatch(renderSvg(layoutGraph(m)), /<style>/);
    assert.match(graphCss(VSCODE_PALETTE), /var\(--vscode-editorError-foreground/);
  });

  it('writes Graphviz dot with clusters for containers and styled catch edges', () => {
    const dot = toDot(asl(EVERY_TYPE));
    assert.match(dot, /^digraph workflow \{/);
    assert.match(dot, /subgraph "cluster_Fan::branch-1" \{/);
    assert.match(dot, /"Work" -> "Broken" \[label="States.TaskFailed, Custom.Error", style=dashed/);
    assert.match(dot, /"Decide" -> "Hold" \[label="\$.total > 1000"\]/);
  });
});
