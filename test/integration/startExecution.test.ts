// Start Execution, grown up, inside the real extension host against the emulator: saved inputs in
// the workspace (contained, no links out), the input checked as JSON before sending, the optional
// name, Express state machines run synchronously with the result shown in place, Standard ones open
// the new execution; aliases in the tree with executions under them; each refusal in one sentence.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { ExplorerTestApi } from '../../src/explorer/register';
import { eventually } from './support/emulator';
import { configure, control, explorerTree, label, type ExplorerTree } from './support/tree';
import { startStandard, startSync, stateMachineType } from '../../src/runs/startCalls';
import type { StartedExecution } from '../../src/runs/startExecution';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const arnOf = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;

const SEED = `
regions:
  ${REGION}:
    stateMachines:
      - name: Orders
        publish: true
        definition:
          StartAt: Echo
          States:
            Echo: { Type: Pass, End: true }
      - name: order-pipeline
        definition: { StartAt: Accept, States: { Accept: { Type: Pass, End: true } } }
      - name: Quick
        type: EXPRESS
        definition: { StartAt: Hello, States: { Hello: { Type: Pass, Parameters: { "greeting.$": "States.Format('Hello, {}', $.name)" }, End: true } } }
      - name: QuickFail
        type: EXPRESS
        definition: { StartAt: Boom, States: { Boom: { Type: Fail, Error: Order.Invalid, Cause: no items } } }
`;

let tree: ExplorerTree;
let api: ExplorerTestApi;
let workspace: string;

const children = (node?: ExplorerNode) => tree.children(node);
const child = (node: ExplorerNode | undefined, name: string) => tree.child(node, name);
const at = (...names: string[]) => tree.path(REGION, 'Step Functions', 'State machines', ...names);

async function sfn() {
  return api.provider.ctx.aws.sfn(REGION);
}

async function executionNames(stateMachineArn: string): Promise<string[]> {
  const { client, sdk } = await sfn();
  return ((await client.send(new sdk.ListExecutionsCommand({ stateMachineArn }))).executions ?? []).map((e) => e.name ?? '');
}

function saveInput(machine: string, name: string, text: string): string {
  const dir = path.join(workspace, '.aws-workflows', 'inputs', machine);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, text);
  return file;
}

/** The sentence an action fails with (the same code the command runs). */
async function sentence(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the action did not fail');
}

const start = (node: ExplorerNode | object, options: object) => vscode.commands.executeCommand<StartedExecution | undefined>('awsWorkflows.explorer.startExecution', node, options);

describe('Start Execution with saved inputs, names and Express results (in the extension host, against the emulator)', function () {
  this.timeout(90_000);

  before(async () => {
    workspace = process.env.WORKFLOWS_TEST_WORKSPACE ?? '';
    assert.ok(workspace, 'WORKFLOWS_TEST_WORKSPACE is not set');
    const seed = path.join(tmpdir(), `start-seed-${process.pid}.yaml`);
    writeFileSync(seed, SEED);
    await control('reset', { seed });
    tree = await explorerTree();
    api = tree.api;
    await configure('regions', [REGION]);
    api.provider.refresh();
  });

  after(async () => {
    rmSync(path.join(workspace, '.aws-workflows'), { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await configure('regions', undefined);
    await control('reset', { seed: 'demo' });
  });

  it('starts a Standard execution with a saved input and a name, opens it, and lists it first', async () => {
    saveInput('Orders', 'big-order', '{\n  "orderId": "o-1001",\n  "total": 1250\n}\n');
    const machine = await at('Orders');
    const list = await child(machine, 'Executions');
    assert.deepEqual((await children(list)).map(label), ['No executions of Orders in us-east-1']);

    const started = await start(machine, { savedInput: 'big-order', executionName: 'from-saved', show: true });
    assert.equal(started?.executionArn, `arn:aws:states:${REGION}:${ACCOUNT}:execution:Orders:from-saved`);
    const { client, sdk } = await sfn();
    const d = await client.send(new sdk.DescribeExecutionCommand({ executionArn: started!.executionArn }));
    assert.deepEqual(JSON.parse(d.input ?? ''), { orderId: 'o-1001', total: 1250 });
    // The execution view opened on it, and the list shows it without a manual refresh.
    await eventually('the execution view to open', async () => (vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputWebview && /from-saved/.test(t.label)) ? true : undefined));
    await eventually('the list to show the new execution', async () => ((await children(list)).map(label)[0] === 'from-saved' ? true : undefined));
  });

  it('asks for the input: saved inputs first, Last used input, New input… saved under a name and opened, Edit…', async () => {
    const seen: { title?: string; items: string[] }[] = [];
    const picks: string[] = [];
    const asks: string[] = [];
    const validation: (string | undefined)[] = [];
    api.setEnvironment({
      pick: async (items, options) => {
        seen.push({ title: options.title, items: items.map((i) => i.label) });
        const want = picks.shift()!;
        return items.find((i) => i.label.endsWith(want));
      },
      ask: async (options) => {
        seen.push({ title: options.title, items: [] });
        const value = asks.shift()!;
        validation.push((await options.validateInput?.(value)) as string | undefined);
        return value;
      },
    });
    try {
      const machine = await at('Orders');
      // Last used input: the big-order the first test started with; an empty name is generated.
      picks.push('Last used input');
      asks.push('');
      const again = await start(machine, undefined as unknown as object);
      assert.deepEqual(seen[0], { title: 'Start an execution of Orders', items: ['Saved inputs', '$(json) big-order', '', '$(history) Last used input', '$(new-file) New input…', '$(edit) Edit…', '$(circle-slash) Empty input'] });
      assert.equal(seen[1].title, 'Execution name for Orders (optional)');
      const { client, sdk } = await sfn();
      const d = await client.send(new sdk.DescribeExecutionCommand({ executionArn: again!.executionArn }));
      assert.deepEqual(JSON.parse(d.input ?? ''), { orderId: 'o-1001', total: 1250 });

      // New input…: a name (an existing one is refused), the file written with the last input, opened.
      picks.push('New input…');
      asks.push('fresh');
      assert.equal(await start(machine, undefined as unknown as object), undefined);
      const file = path.join(workspace, '.aws-workflows', 'inputs', 'Orders', 'fresh.json');
      const editor = await eventually('the new input in an editor', async () => (vscode.window.activeTextEditor?.document.uri.fsPath === file ? vscode.window.activeTextEditor : undefined));
      assert.deepEqual(JSON.parse(editor.document.getText()), { orderId: 'o-1001', total: 1250 });
      assert.equal(validation.at(-1), undefined);
      // What the notification's "Start with fresh" runs: the edited (even unsaved) text is the input.
      await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), '{"fresh": true}\n'));
      const fresh = await start(machine, { savedInput: 'fresh', executionName: 'fresh-run' });
      const f = await client.send(new sdk.DescribeExecutionCommand({ executionArn: fresh!.executionArn }));
      assert.deepEqual(JSON.parse(f.input ?? ''), { fresh: true });
      await vscode.commands.executeCommand('workbench.action.files.save');

      picks.push('New input…');
      asks.push('big-order');
      await start(machine, undefined as unknown as object).then(undefined, () => undefined);
      assert.equal(validation.at(-1), 'big-order already exists; choose Edit… to change it.');

      // Edit…: choose a saved input, it opens in an editor.
      picks.push('Edit…', 'big-order');
      assert.equal(await start(machine, undefined as unknown as object), undefined);
      await eventually('big-order in an editor', async () => (vscode.window.activeTextEditor?.document.uri.fsPath.endsWith(path.join('Orders', 'big-order.json')) ? true : undefined));
    } finally {
      api.setEnvironment({ pick: undefined, ask: undefined });
    }
  });

  it('refuses a saved input that is not JSON, naming the line and column, and sends nothing', async () => {
    saveInput('Orders', 'broken', '{\n  "orderId": "o-1",\n  "total": ,\n}\n');
    const before = await executionNames(arnOf('Orders'));
    assert.equal(await start(await at('Orders'), { savedInput: 'broken' }), undefined);
    assert.deepEqual(await executionNames(arnOf('Orders')), before);
    const { checkExecutionInput } = await import('../../src/core/runs/startInput');
    const checked = checkExecutionInput('{\n  "orderId": "o-1",\n  "total": ,\n}\n', 'The saved input broken');
    assert.match(!checked.ok ? checked.message : '', /^The saved input broken is not valid JSON at line 3, column 12: /);
  });

  it('keeps saved inputs inside the workspace and small: a link out is neither listed nor read, a huge file is not read', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'outside-'));
    writeFileSync(path.join(outside, 'secret.json'), '{"secret": true}');
    const dir = path.join(workspace, '.aws-workflows', 'inputs', 'Orders');
    mkdirSync(dir, { recursive: true });
    symlinkSync(path.join(outside, 'secret.json'), path.join(dir, 'linked.json'));
    const { listSavedInputs } = await import('../../src/runs/startExecution');
    const names = listSavedInputs({ kind: 'stateMachine', region: REGION, name: 'Orders', arn: arnOf('Orders') }).map((s) => s.name);
    assert.ok(names.includes('big-order') && !names.includes('linked'), names.join(', '));
    const before = await executionNames(arnOf('Orders'));
    assert.equal(await start(await at('Orders'), { savedInput: 'linked' }), undefined);
    assert.equal(await start(await at('Orders'), { savedInput: '../../../etc/passwd' }), undefined);
    // Reads are capped: a 2 MB "input" is refused unread (the service takes 256 KiB at most).
    saveInput('Orders', 'huge', `{"pad": "${'x'.repeat(2 * 1024 * 1024)}"}`);
    assert.equal(await start(await at('Orders'), { savedInput: 'huge' }), undefined);
    assert.deepEqual(await executionNames(arnOf('Orders')), before);
    rmSync(outside, { recursive: true, force: true });
  });

  it('refuses an invalid execution name before sending, and says when the name is taken', async () => {
    const before = await executionNames(arnOf('Orders'));
    assert.equal(await start(await at('Orders'), { input: '{}', executionName: 'has space' }), undefined);
    assert.deepEqual(await executionNames(arnOf('Orders')), before);
    const target = { kind: 'stateMachine' as const, region: REGION, name: 'Orders', arn: arnOf('Orders') };
    assert.equal(
      await sentence(() => startStandard(api.provider.ctx.aws, target, '{"other": 1}', 'from-saved')),
      'Step Functions StartExecution for Orders in us-east-1 failed: an execution named "from-saved" already exists (a name stays taken for 90 days). Choose another name, or leave it empty for a generated one.',
    );
    assert.match(await sentence(() => startStandard(api.provider.ctx.aws, target, '{}', 'a b')), /^Step Functions StartExecution for Orders in us-east-1 failed: the execution name "a b" is not valid \(AWS said: Invalid Name: 'a b'\)\. Use 1–80 characters/);
  });

  it('names the missing IAM action when starting is denied', async () => {
    const target = { kind: 'stateMachine' as const, region: REGION, name: 'Orders', arn: arnOf('Orders') };
    await control('faults', { service: 'states', operation: 'StartExecution', kind: 'accessDenied' });
    assert.match(await sentence(() => startStandard(api.provider.ctx.aws, target, '{}', undefined)), /^Step Functions StartExecution for Orders in us-east-1 failed: access denied\..* Your identity needs the IAM permission states:StartExecution on Orders;/);
    const quick = { kind: 'stateMachine' as const, region: REGION, name: 'Quick', arn: arnOf('Quick') };
    await control('faults', { service: 'states', operation: 'StartSyncExecution', kind: 'accessDenied' });
    assert.match(await sentence(() => startSync(api.provider.ctx.aws, quick, '{}', undefined)), /^Step Functions StartSyncExecution for Quick in us-east-1 failed: access denied\..* Your identity needs the IAM permission states:StartSyncExecution on Quick;/);
  });

  it('runs an Express state machine synchronously and shows its result, output or error, with billing details', async () => {
    const ok = await start(await at('Quick'), { input: '{"name": "Ada"}', show: true });
    assert.equal(ok?.sync?.status, 'SUCCEEDED');
    assert.match(ok!.executionArn, /:express:Quick:/);
    const shown = await eventually('the result document', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.uri.path.startsWith(`/${REGION}/sync-executions/Quick-`) ? doc : undefined;
    });
    const result = JSON.parse(shown.getText()) as Record<string, unknown>;
    assert.equal(result.status, 'SUCCEEDED');
    assert.deepEqual(result.output, { greeting: 'Hello, Ada' });
    assert.ok((result.billingDetails as { billedDurationInMilliseconds?: number }).billedDurationInMilliseconds! > 0);
    assert.equal(shown.uri.scheme, 'aws-workflows');

    const failed = await start(await at('QuickFail'), { input: '{}', show: true });
    assert.deepEqual([failed?.sync?.status, failed?.sync?.error, failed?.sync?.cause], ['FAILED', 'Order.Invalid', 'no items']);
    const failedDoc = await eventually('the failed result document', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.uri.path.startsWith(`/${REGION}/sync-executions/QuickFail-`) ? doc : undefined;
    });
    assert.deepEqual(JSON.parse(failedDoc.getText()).error, 'Order.Invalid');
  });

  it('waits for a synchronous Express execution longer than the request timeout of other calls', async () => {
    const quick = { kind: 'stateMachine' as const, region: REGION, name: 'Quick', arn: arnOf('Quick') };
    await configure('requestTimeoutSeconds', 1);
    try {
      // An ordinary call slower than the 1 s limit fails, retries included: the setting is in force.
      await control('faults', { service: 'states', operation: 'DescribeStateMachine', kind: 'delay', delayMs: 2500, count: 5 }); // every retry too
      assert.match(await sentence(() => stateMachineType(api.provider.ctx.aws, quick)), /^Step Functions DescribeStateMachine for Quick in us-east-1 failed: /);
      // As many delays as attempts, so a retry cannot hide a timeout; later tests make no such call.
      await control('faults', { service: 'states', operation: 'StartSyncExecution', kind: 'delay', delayMs: 2500, count: 5 });
      const slow = await startSync(api.provider.ctx.aws, quick, '{"name": "Slow"}', undefined);
      assert.equal(slow.status, 'SUCCEEDED');
    } finally {
      await configure('requestTimeoutSeconds', undefined);
    }
  });

  it('starts from an open definition: the state machine its aws-workflows.yaml entry deploys', async () => {
    const uri = vscode.Uri.file(path.join(workspace, 'statemachines', 'order-pipeline.asl.yaml'));
    const started = await start(uri, { input: '{"orderId": "o-9"}', executionName: 'from-editor' });
    assert.equal(started?.executionArn, `arn:aws:states:${REGION}:${ACCOUNT}:execution:order-pipeline:from-editor`);
    const { stateMachineForFile } = await import('../../src/runs/startFromFile');
    const notDeployed = vscode.Uri.file(path.join(workspace, 'statemachines', 'hello-express.asl.json'));
    assert.equal(
      await sentence(() => stateMachineForFile(api.provider.ctx.aws, notDeployed, REGION)),
      'hello-express.asl.json is not deployed as hello-express in us-east-1: deploy it first (Deploy to AWS), or start a state machine from the AWS Workflows view.',
    );
  });

  it('shows aliases with their routing, starts through an alias, and lists the execution under the alias and its version', async () => {
    const { client, sdk } = await sfn();
    const v1 = `${arnOf('Orders')}:1`;
    await client.send(new sdk.CreateStateMachineAliasCommand({ name: 'live', routingConfiguration: [{ stateMachineVersionArn: v1, weight: 100 }] }));
    const machine = await at('Orders');
    api.provider.refresh(machine);
    const aliases = await child(machine, 'Aliases');
    const alias = await child(aliases, 'Orders:live');
    assert.equal(alias.getTreeItem().description, '→ version 1');
    assert.match(String(alias.getTreeItem().contextValue), /\bcanStartExecution\b/);

    const started = await start(alias, { input: '{"via": "alias"}', executionName: 'through-live' });
    const { client: c, sdk: s } = await sfn();
    const d = await c.send(new s.DescribeExecutionCommand({ executionArn: started!.executionArn }));
    assert.deepEqual([d.stateMachineAliasArn, d.stateMachineVersionArn], [`${arnOf('Orders')}:live`, v1]);
    const aliasExecutions = await child(alias, 'Executions');
    await eventually('the alias to list its execution', async () => ((await children(aliasExecutions)).map(label).join() === 'through-live' ? true : undefined));
    const version = await child(await child(machine, 'Versions'), 'Orders:1');
    const versionExecutions = await child(version, 'Executions');
    assert.deepEqual((await children(versionExecutions)).map(label), ['through-live']);
  });
});
