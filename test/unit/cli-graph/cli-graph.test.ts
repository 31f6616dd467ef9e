// `aws-workflows graph`: draws every definition in examples/ and in the serverless-patterns corpus,
// one node per state, and writes SVG, dot and JSON.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runCli, type CliIo } from '../../../src/cli/main';
import { STATE_NODE_KINDS, type GraphNodeKind } from '../../../src/core/graph/model';
import { expandGlob } from '../../../src/cli/glob';
import { SERVERLESS_PATTERNS_DIR, serverlessPatternsDefinitions } from '../../support/reference';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');

interface LayoutJson {
  kind: string;
  width: number;
  height: number;
  nodes: { id: string; kind: GraphNodeKind; label: string; parent?: string; severity?: string; unreachable?: boolean; box: { x: number; y: number; width: number; height: number } }[];
  edges: { id: string; from: string; to: string; kind: string; label?: string }[];
}

function capture(cwd: string): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd, env: {}, stdout: { write: (s: string) => { io.out += s; } }, stderr: { write: (s: string) => { io.err += s; } } };
  return io;
}

async function graphJson(file: string, cwd: string): Promise<LayoutJson> {
  const io = capture(cwd);
  const code = await runCli(['graph', file, '--format', 'json'], io);
  assert.equal(code, 0, `${file}: ${io.err}`);
  return JSON.parse(io.out) as LayoutJson;
}

/** States counted from the plain document, independently of the graph model: every States entry at any depth. */
function countStates(definition: unknown): number {
  if (!definition || typeof definition !== 'object') return 0;
  let count = 0;
  const states = (definition as { States?: unknown }).States;
  if (states && typeof states === 'object' && !Array.isArray(states)) {
    for (const state of Object.values(states as Record<string, unknown>)) {
      count++;
      const s = state as { Branches?: unknown[]; ItemProcessor?: unknown; Iterator?: unknown };
      for (const b of Array.isArray(s?.Branches) ? s.Branches : []) count += countStates(b);
      count += countStates(s?.ItemProcessor ?? s?.Iterator);
    }
  }
  return count;
}

function readDefinition(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  // Unquoted ${placeholders} (DefinitionSubstitutions) are not JSON: quote them to count.
  return /\.json$/i.test(file) ? JSON.parse(text.replace(/(:\s*)(\$\{[^}\s]+\})/g, '$1"$2"')) : parseYaml(text);
}

/**
 * A template's state machines and their state counts, read with the plain YAML parser (CloudFormation
 * tags parse as their plain values): Definition objects, DefinitionString text, DefinitionUri files
 * (0 when the file is not there under that exact name: the graph then notes it cannot be read).
 */
function templateStateMachines(file: string): { logicalId: string; states: number; fromFile: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const template = (/\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text, { logLevel: 'silent', uniqueKeys: false })) as { Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }> };
  return Object.entries(template.Resources ?? {}).flatMap(([logicalId, r]): { logicalId: string; states: number; fromFile: boolean }[] => {
    if (r?.Type !== 'AWS::StepFunctions::StateMachine' && r?.Type !== 'AWS::Serverless::StateMachine') return [];
    const props = r.Properties ?? {};
    if (props.Definition) return [{ logicalId, states: countStates(props.Definition), fromFile: false }];
    const definitionString = props.DefinitionString as unknown;
    const asText = typeof definitionString === 'string' ? definitionString : (definitionString as { 'Fn::Sub'?: unknown })?.['Fn::Sub'];
    if (typeof asText === 'string') return [{ logicalId, states: countStates(JSON.parse(asText.replace(/(:\s*)(\$\{[^}\s]+\})/g, '$1"$2"'))), fromFile: false }];
    if (typeof props.DefinitionUri === 'string') {
      const target = path.resolve(path.dirname(file), props.DefinitionUri);
      return [{ logicalId, states: existsSync(target) ? countStates(readDefinition(target)) : 0, fromFile: true }];
    }
    return [{ logicalId, states: 0, fromFile: false }];
  });
}

function assertWellFormed(json: LayoutJson, file: string): void {
  const ids = new Set(json.nodes.map((n) => n.id));
  assert.equal(ids.size, json.nodes.length, `${file}: node ids are unique`);
  for (const e of json.edges) assert.ok(ids.has(e.from) && ids.has(e.to), `${file}: edge ${e.id} joins known nodes`);
  for (const n of json.nodes) assert.ok(n.box.width > 0 && n.box.x + n.box.width <= json.width + 0.1 && n.box.y + n.box.height <= json.height + 0.1, `${file}: ${n.id} has a box in the drawing`);
}

describe('aws-workflows graph', () => {
  it('draws every state machine in examples/ with one node per state', async () => {
    for (const rel of ['statemachines/order-pipeline.asl.yaml', 'statemachines/hello-express.asl.json']) {
      const json = await graphJson(rel, EXAMPLES);
      assert.equal(json.kind, 'stateMachine');
      assertWellFormed(json, rel);
      assert.equal(json.nodes.filter((n) => STATE_NODE_KINDS.has(n.kind)).length, countStates(readDefinition(path.join(EXAMPLES, rel))), rel);
      assert.ok(json.nodes.some((n) => n.kind === 'start') && json.nodes.some((n) => n.kind === 'end'));
    }
    const pipeline = await graphJson('statemachines/order-pipeline.asl.yaml', EXAMPLES);
    assert.deepEqual(pipeline.edges.filter((e) => e.kind === 'catch').map((e) => [e.from, e.to, e.label]), [['ChargePayment', 'PaymentFailed', 'States.ALL']]);
    assert.deepEqual(pipeline.edges.filter((e) => e.kind === 'default').map((e) => [e.from, e.to]), [['NeedsApproval', 'ShipOrder']]);
  });

  it('draws the DAG and the Image Builder workflow in examples/', async () => {
    const dag = await graphJson('dags/nightly-etl.yaml', EXAMPLES);
    assert.equal(dag.kind, 'airflowWorkflow');
    assert.deepEqual(dag.nodes.map((n) => n.id), ['list_orders', 'transform_orders', 'refresh_table']);
    assert.deepEqual(dag.edges.map((e) => [e.from, e.to, e.kind]), [['list_orders', 'transform_orders', 'dependency'], ['transform_orders', 'refresh_table', 'dependency']]);
    // Dependencies flow downwards.
    const y = (id: string) => dag.nodes.find((n) => n.id === id)!.box.y;
    assert.ok(y('list_orders') < y('transform_orders') && y('transform_orders') < y('refresh_table'));
    const ib = await graphJson('imagebuilder/hardened-build.yaml', EXAMPLES);
    assert.equal(ib.kind, 'imageBuilderWorkflow');
    assert.equal(ib.nodes.filter((n) => n.kind === 'step').length, 7);
    assertWellFormed(ib, 'hardened-build.yaml');
  });

  (SERVERLESS_PATTERNS_DIR ? it : it.skip)('draws every definition in ../shared/corpus/serverless-patterns, node count = state count', async () => {
    const root = SERVERLESS_PATTERNS_DIR as string;
    const files = serverlessPatternsDefinitions(root);
    assert.ok(files.length >= 48, `only ${files.length} definitions`);
    for (const file of files) {
      const rel = path.relative(root, file);
      const json = await graphJson(rel, root);
      assert.equal(json.kind, 'stateMachine', rel);
      assertWellFormed(json, rel);
      const states = countStates(readDefinition(file));
      assert.ok(states > 0, `${rel}: no states counted`);
      assert.equal(json.nodes.filter((n) => STATE_NODE_KINDS.has(n.kind)).length, states, `${rel}: node count = state count`);
      // Valid real files: nothing greyed, nothing marked as an error.
      assert.deepEqual(json.nodes.filter((n) => n.unreachable || n.severity === 'error').map((n) => n.id), [], rel);
    }
  });

  (SERVERLESS_PATTERNS_DIR ? it : it.skip)('draws every template in ../shared/corpus/serverless-patterns that declares a state machine, node count = state count', async function () {
    // Each template is linted (for the findings on the nodes) and laid out: about 50 of them.
    this.timeout(60_000);
    const root = SERVERLESS_PATTERNS_DIR as string;
    const templates = expandGlob('**/*.{yaml,yml,json}', root).filter((f) => /AWS::(StepFunctions|Serverless)::StateMachine\b/.test(readFileSync(f, 'utf8')) && !/\.asl\./.test(f));
    assert.ok(templates.length >= 50, `only ${templates.length} templates`);
    let drawnFromFiles = 0;
    for (const file of templates) {
      const rel = path.relative(root, file);
      const json = await graphJson(rel, root);
      assert.equal(json.kind, 'cloudFormationTemplate', rel);
      assertWellFormed(json, rel);
      const machines = templateStateMachines(file);
      assert.deepEqual(json.nodes.filter((n) => n.kind === 'stateMachine').map((n) => [n.label, n.parent]), machines.map((m) => [m.logicalId, undefined]), `${rel}: one top-level container per state machine`);
      for (const m of machines) {
        const states = json.nodes.filter((n) => STATE_NODE_KINDS.has(n.kind) && n.id.startsWith(`${m.logicalId}/`)).length;
        assert.equal(states, m.states, `${rel} ${m.logicalId}: node count = state count`);
        if (m.fromFile && m.states > 0) drawnFromFiles++;
        // A file not there under that exact name (letter case on Linux): the container says why it is empty.
        if (m.states === 0) assert.ok(json.nodes.some((n) => n.kind === 'note' && n.parent === m.logicalId), `${rel} ${m.logicalId}: a note`);
      }
      assert.deepEqual(json.nodes.filter((n) => n.unreachable || n.severity === 'error').map((n) => n.id), [], rel);
    }
    assert.ok(drawnFromFiles >= 30, `only ${drawnFromFiles} DefinitionUri files drawn`);
  });

  it('writes SVG (default) and dot to a file with -o, and marks an unreachable state', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'graph-cli-'));
    try {
      writeFileSync(path.join(dir, 'm.asl.json'), JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed' }, Lost: { Type: 'Pass', End: true } } }));
      const io = capture(dir);
      assert.equal(await runCli(['graph', 'm.asl.json', '-o', 'm.svg'], io), 0, io.err);
      assert.equal(io.out, '');
      const svg = readFileSync(path.join(dir, 'm.svg'), 'utf8');
      assert.match(svg, /^<svg xmlns/);
      assert.match(svg, /<style>/);
      assert.match(svg, /class="wf-node kind-pass sev-error wf-unreachable" data-id="Lost"/);
      assert.equal(await runCli(['graph', 'm.asl.json', '--format', 'dot', '--output', 'm.dot'], io), 0);
      assert.match(readFileSync(path.join(dir, 'm.dot'), 'utf8'), /"A" -> "::end"/);
      const json = await graphJson('m.asl.json', dir);
      assert.deepEqual(json.nodes.find((n) => n.id === 'Lost')?.unreachable, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with one line on a parse error, a non-workflow file, or bad usage', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'graph-cli-'));
    try {
      writeFileSync(path.join(dir, 'broken.asl.json'), '{"StartAt": "A", "States": {');
      writeFileSync(path.join(dir, 'package.json'), '{"name": "x"}');
      let io = capture(dir);
      assert.equal(await runCli(['graph', 'broken.asl.json'], io), 1);
      assert.match(io.err, /^aws-workflows graph: broken\.asl\.json: .+\(line 1\)\n$/);
      io = capture(dir);
      assert.equal(await runCli(['graph', 'package.json'], io), 1);
      assert.match(io.err, /is not a Step Functions state machine/);
      io = capture(dir);
      assert.equal(await runCli(['graph'], io), 2);
      assert.match(io.err, /give the definition file to draw/);
      io = capture(dir);
      assert.equal(await runCli(['graph', 'broken.asl.json', '--format', 'png'], io), 2);
      io = capture(dir);
      assert.equal(await runCli(['graph', 'missing.json'], io), 2);
      assert.match(io.err, /cannot read missing\.json: it does not exist\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
