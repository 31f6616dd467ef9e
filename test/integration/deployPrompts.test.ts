// Deploy's questions inside the real extension host, answered by the test: the wizard for a file
// with no aws-workflows.yaml entry, and the refusal in an untrusted workspace.
//
// Each extension gets its own `vscode` API object, so stubbing this test's `vscode.window` would
// not reach the extension. `require('vscode')` from the extension's own path returns its object;
// the stubs go there, and the commands run as the user would run them (executeCommand).
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { DeleteStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import * as vscode from 'vscode';
import { UNTRUSTED_MESSAGE } from '../../src/deploy/workspace';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';
const emulatorUrl = process.env.EMULATOR_URL;
const REGION = 'us-east-1';

interface DeployResult { kind: string; name: string; region: string; action: string; arn?: string; message: string }
interface LoggedRequest { service: string; operation: string; body: Record<string, unknown> }

async function control<T>(method: string, route: string): Promise<T> {
  const res = await fetch(`${emulatorUrl}/_emulator/${route}`, { method });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status}`);
  return (await res.json()) as T;
}

function workspaceFile(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a copy of examples/ as the workspace');
  return vscode.Uri.joinPath(folder.uri, rel);
}

/** The `vscode` object the extension itself holds. */
function extensionApi(): typeof vscode {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in the host`);
  const api = createRequire(path.join(ext.extensionPath, ext.packageJSON.main as string))('vscode') as typeof vscode;
  assert.notEqual(api, vscode, "expected the extension's own API object, not the test runner's");
  return api;
}

/** Replaces properties for one test and puts the originals back, getters included. */
class Stubs {
  private readonly restores: (() => void)[] = [];

  set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
    const original = Object.getOwnPropertyDescriptor(target, key);
    Object.defineProperty(target, key, { value, configurable: true, writable: true });
    this.restores.push(() => (original ? Object.defineProperty(target, key, original) : delete target[key]));
  }

  getter<T extends object, K extends keyof T>(target: T, key: K, get: () => T[K]): void {
    const original = Object.getOwnPropertyDescriptor(target, key);
    assert.ok(!original || original.configurable, `${String(key)} cannot be replaced`);
    Object.defineProperty(target, key, { get, configurable: true });
    this.restores.push(() => (original ? Object.defineProperty(target, key, original) : delete target[key]));
  }

  restore(): void {
    for (const r of this.restores.splice(0).reverse()) r();
  }
}

interface Asked { kind: 'quickPick' | 'inputBox'; title: string; answer?: string }

/**
 * Answers the extension's QuickPicks and InputBoxes by title. Input answers go through the
 * prompt's own validateInput, as typing would; an unexpected question is recorded and cancelled.
 */
function answerPrompts(api: typeof vscode, stubs: Stubs, picks: Record<string, string>, inputs: Record<string, string>): Asked[] {
  const asked: Asked[] = [];
  stubs.set(api.window, 'showQuickPick', (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
    const title = options?.title ?? '';
    const wanted = picks[title];
    const chosen = (await items).find((i) => i.label === wanted);
    asked.push({ kind: 'quickPick', title, answer: chosen?.label });
    return chosen;
  }) as unknown as typeof vscode.window.showQuickPick);
  stubs.set(api.window, 'showInputBox', (async (options?: vscode.InputBoxOptions) => {
    const title = options?.title ?? '';
    const answer = inputs[title];
    const problem = answer === undefined ? 'unexpected' : await options?.validateInput?.(answer);
    asked.push({ kind: 'inputBox', title, answer: problem ? `rejected: ${typeof problem === 'string' ? problem : problem.message}` : answer });
    return problem ? undefined : answer;
  }) as typeof vscode.window.showInputBox);
  return asked;
}

describe('deploy prompts (in the extension host)', function () {
  this.timeout(60000);
  let api: typeof vscode;
  const stubs = new Stubs();

  before(async () => {
    if (!emulatorUrl) throw new Error('EMULATOR_URL is not set: the harness should start the emulator');
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    api = extensionApi();
  });
  afterEach(() => stubs.restore());
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  describe('the wizard, for a file with no aws-workflows.yaml entry', () => {
    const NAME = 'wizard-orders';
    const ROLE = 'arn:aws:iam::000000000000:role/wizard-orders';
    const KEY = 'alias/wizard-orders';
    const definition = workspaceFile(`statemachines/${NAME}.asl.json`);
    const manifest = workspaceFile('aws-workflows.yaml');
    let manifestBefore = '';

    before(async () => {
      manifestBefore = Buffer.from(await vscode.workspace.fs.readFile(manifest)).toString('utf8');
      const asl = { Comment: 'Deployed through the wizard', StartAt: 'Done', States: { Done: { Type: 'Succeed' } } };
      await vscode.workspace.fs.writeFile(definition, Buffer.from(`${JSON.stringify(asl, null, 2)}\n`));
    });
    after(async () => {
      await vscode.workspace.fs.writeFile(manifest, Buffer.from(manifestBefore));
      await vscode.workspace.fs.delete(definition);
      // Later suites list what the emulator holds; leave it as it was.
      const sfn = new SFNClient({ endpoint: emulatorUrl, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: `arn:aws:states:${REGION}:000000000000:stateMachine:${NAME}` })).catch(() => undefined);
      sfn.destroy();
    });

    it('asks kind, name, role, type and encryption, deploys exactly those, and saves the entry keeping the file as written', async () => {
      await vscode.window.showTextDocument(definition);
      await control('DELETE', 'requests');
      const asked = answerPrompts(api, stubs, {
        'What is this file?': 'Step Functions state machine',
        'IAM role': '$(edit) Enter a role ARN…',
        Type: 'EXPRESS',
        Encryption: 'Customer managed KMS key',
        'Keep these settings for next time?': 'Save to aws-workflows.yaml and Deploy',
      }, {
        'Name of the state machine': NAME,
        'IAM role ARN': ROLE,
        'KMS key': KEY,
      });
      // A modal question here (local warnings) would wait for a person: fail instead.
      const warnings: string[] = [];
      stubs.set(api.window, 'showWarningMessage', (async (message: string) => {
        warnings.push(message);
        return undefined;
      }) as typeof vscode.window.showWarningMessage);

      const result = await vscode.commands.executeCommand<DeployResult | undefined>('awsWorkflows.deployFromFile', definition);

      assert.ok(result, `the command returned nothing; questions: ${JSON.stringify(asked)}; warnings: ${warnings.join(' | ')}`);
      assert.equal(result.action, 'created', `${result.message}; warnings: ${warnings.join(' | ')}`);
      assert.deepEqual(asked.filter((a) => a.title !== 'IAM role').map((a) => [a.title, a.answer]), [
        ['What is this file?', 'Step Functions state machine'],
        ['Name of the state machine', NAME],
        ['IAM role ARN', ROLE],
        ['Type', 'EXPRESS'],
        ['Encryption', 'Customer managed KMS key'],
        ['KMS key', KEY],
        ['Keep these settings for next time?', 'Save to aws-workflows.yaml and Deploy'],
      ]);

      const [create, ...more] = (await control<LoggedRequest[]>('GET', 'requests')).filter((r) => r.operation === 'CreateStateMachine');
      assert.equal(more.length, 0, 'one create');
      assert.equal(create.body.name, NAME);
      assert.equal(create.body.roleArn, ROLE);
      assert.equal(create.body.type, 'EXPRESS');
      assert.deepEqual(create.body.encryptionConfiguration, { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: KEY });
      const stored = (await control<{ regions: Record<string, { states: { stateMachines: Record<string, { name: string; roleArn: string; type: string; encryptionConfiguration: { type: string; kmsKeyId: string } }> } }> }>('GET', 'state'))
        .regions[REGION].states.stateMachines[result.arn!];
      assert.ok(stored, `nothing stored under ${result.arn}`);
      assert.equal(stored.roleArn, ROLE);
      assert.equal(stored.type, 'EXPRESS');
      assert.equal(stored.encryptionConfiguration.type, 'CUSTOMER_MANAGED_KMS_KEY');
      assert.equal(stored.encryptionConfiguration.kmsKeyId, KEY);

      // Every line of the file as it was, comments included, and the entry at the end of its section.
      const entry = [
        `  ${NAME}:`,
        `    definition: statemachines/${NAME}.asl.json`,
        `    roleArn: ${ROLE}`,
        '    type: EXPRESS',
        '    encryption:',
        '      type: CUSTOMER_MANAGED_KMS_KEY',
        `      kmsKeyId: ${KEY}`,
        '',
      ].join('\n');
      const lastStateMachineLine = '    encryption: { type: AWS_OWNED_KEY }\n';
      const at = manifestBefore.indexOf(lastStateMachineLine) + lastStateMachineLine.length;
      assert.ok(at > lastStateMachineLine.length, 'examples/aws-workflows.yaml changed: update this test');
      const expected = manifestBefore.slice(0, at) + entry + manifestBefore.slice(at);
      const after = Buffer.from(await vscode.workspace.fs.readFile(manifest)).toString('utf8');
      assert.equal(after, expected);
    });
  });

  describe('in an untrusted workspace', () => {
    it('refuses every deploy command with the message, asking nothing and sending nothing', async () => {
      // The harness runs code-server with --disable-workspace-trust, so the extension is told otherwise.
      stubs.getter(api.workspace, 'isTrusted', () => false);
      const shown: string[] = [];
      stubs.set(api.window, 'showWarningMessage', (async (message: string) => {
        shown.push(message);
        return undefined;
      }) as typeof vscode.window.showWarningMessage);
      const asked = answerPrompts(api, stubs, {}, {});
      await control('DELETE', 'requests');

      const definition = workspaceFile('statemachines/hello-express.asl.json');
      await vscode.window.showTextDocument(definition);
      const fromFile = await vscode.commands.executeCommand('awsWorkflows.deployFromFile', definition, 'hello-express');
      const all = await vscode.commands.executeCommand('awsWorkflows.deployAll', undefined, ['hello-express']);
      const validate = await vscode.commands.executeCommand('awsWorkflows.validateWithService', definition);

      assert.deepEqual([fromFile, all, validate], [undefined, undefined, undefined]);
      assert.deepEqual(shown, [UNTRUSTED_MESSAGE, UNTRUSTED_MESSAGE, UNTRUSTED_MESSAGE]);
      assert.deepEqual(asked, []);
      // The explorer may list things meanwhile; what a deploy or validation sends must be absent.
      const sent = (await control<LoggedRequest[]>('GET', 'requests')).filter((r) => r.service === 'states' && !r.operation.startsWith('List'));
      assert.deepEqual(sent.map((r) => r.operation), [], 'no deploy request reached the emulator');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', definition);
      assert.deepEqual(lenses.filter((l) => l.command?.command.startsWith('awsWorkflows.deploy')), [], 'no deploy CodeLens');
    });
  });
});
