// Open Airflow UI inside the real extension host, against the emulator's MWAA: one
// CreateWebLoginToken per invocation, the login URL handed to openExternal (replaced through the
// feature's test hook: another extension cannot stub our vscode.env, which the host freezes per
// extension), the token spendable at the emulator's web server, and no token in any log.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { request } from 'node:https';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AirflowTestHooks } from '../../src/airflow/register';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';
const OPEN = 'awsWorkflows.openAirflowUi';
const emulatorUrl = process.env.EMULATOR_URL;

interface OpenResult { environment: string; region: string; airflowIdentity?: string; iamIdentity?: string; opened: boolean }

const LOGIN_URL = /^https:\/\/([a-z0-9]+)\.airflow\.localhost:(\d+)(\/(?:pluginsv2\/)?aws_mwaa\/aws-console-sso)\?login=true#([A-Za-z0-9_-]{20,})$/;

async function tokenCalls(): Promise<number> {
  const res = await fetch(`${emulatorUrl}/_emulator/requests`);
  const requests = (await res.json()) as { operation: string }[];
  return requests.filter((r) => r.operation === 'CreateWebLoginToken').length;
}

async function fault(operation: string, kind: string): Promise<void> {
  const res = await fetch(`${emulatorUrl}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'airflow', operation, count: 1, kind }) });
  assert.ok(res.ok, `the emulator refused the fault: ${await res.text()}`);
}

/** Spends a token the way the console-SSO page does (POST to the page's path on the environment's host). */
function redeem(url: string): Promise<{ ok: boolean; environment?: string; reason?: string }> {
  const m = LOGIN_URL.exec(url)!;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: Number(m[2]), method: 'POST', path: m[3], rejectUnauthorized: false, servername: 'localhost', headers: { host: `${m[1]}.airflow.localhost:${m[2]}`, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ token: m[4] }));
  });
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every file under a folder, with its text. */
async function readTree(dir: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await readTree(p)));
    else if (entry.isFile()) out.push({ file: p, text: await fs.readFile(p, 'utf8').catch(() => '') });
  }
  return out;
}

describe('Open Airflow UI (in the extension host)', function () {
  this.timeout(60_000);
  let hooks: AirflowTestHooks;
  let restore: () => void;
  const opened: string[] = [];
  const logFile = () => path.join(hooks.logUri.fsPath, 'AWS Workflows.log');
  const logText = () => fs.readFile(logFile(), 'utf8').catch(() => '');

  before(async () => {
    if (!emulatorUrl) throw new Error('EMULATOR_URL is not set: the harness should start the emulator');
    const reset = await fetch(`${emulatorUrl}/_emulator/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed: 'demo' }) });
    assert.ok(reset.ok, `the emulator did not reset: ${await reset.text()}`);
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    hooks = (await vscode.commands.executeCommand<AirflowTestHooks>('awsWorkflows.airflow.testHooks'))!;
    assert.ok(hooks?.replaceOpener, 'the airflow test hooks are not registered (WORKFLOWS_TEST_MODULE unset?)');
    restore = hooks.replaceOpener(async (uri) => {
      opened.push(uri.toString(true));
      return true;
    });
  });
  after(async () => {
    restore?.();
    // Back to the start-up state for the suites that follow.
    await fetch(`${emulatorUrl}/_emulator/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  });
  beforeEach(() => (opened.length = 0));

  it('asks for a new token at every invocation and opens the Airflow 2 login URL with it', async () => {
    const before = await tokenCalls();
    const first = await vscode.commands.executeCommand<OpenResult>(OPEN, { name: 'DemoAirflow', region: 'us-east-1' });
    assert.equal((await tokenCalls()) - before, 1, await logText());
    const second = await vscode.commands.executeCommand<OpenResult>(OPEN, { name: 'DemoAirflow', region: 'us-east-1' });
    assert.equal((await tokenCalls()) - before, 2);

    assert.deepEqual(first, { environment: 'DemoAirflow', region: 'us-east-1', airflowIdentity: 'iam-user/test', iamIdentity: 'arn:aws:iam::000000000000:user/test', opened: true });
    assert.deepEqual(second, first, 'the result carries no token');
    assert.equal(opened.length, 2);
    for (const url of opened) {
      const m = LOGIN_URL.exec(url);
      assert.ok(m, `not a login URL: ${url.replace(/#.*/, '#…')}`);
      assert.equal(m[1], 'demoairflow');
      assert.equal(m[3], '/aws_mwaa/aws-console-sso');
    }
    assert.notEqual(LOGIN_URL.exec(opened[0])![4], LOGIN_URL.exec(opened[1])![4], 'a token was reused');

    // Both tokens open the environment at its web server, once.
    assert.deepEqual(await redeem(opened[1]), { ok: true, environment: 'DemoAirflow', airflowIdentity: 'iam-user/test' });
    assert.equal((await redeem(opened[0])).ok, true);
    assert.equal((await redeem(opened[0])).ok, false);
  });

  it('takes the explorer node as its argument and uses the Airflow 3 path for a 3.x environment', async () => {
    const node = { id: 'mwaaEnvironment|eu-west-1|EuropeAirflow', item: { kind: 'mwaaEnvironment', name: 'EuropeAirflow', region: 'eu-west-1', airflowVersion: '3.0.6' } };
    const result = await vscode.commands.executeCommand<OpenResult>(OPEN, node);
    assert.equal(result?.opened, true);
    assert.equal(opened.length, 1);
    const m = LOGIN_URL.exec(opened[0])!;
    assert.equal(m[1], 'europeairflow');
    assert.equal(m[3], '/pluginsv2/aws_mwaa/aws-console-sso');
    assert.equal((await redeem(opened[0])).environment, 'EuropeAirflow');
  });

  it('offers a CodeLens on each airflowEnvironments entry of aws-workflows.yaml that opens that environment', async () => {
    const folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'airflow-codelens');
    const manifest = path.join(folder, 'aws-workflows.yaml');
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(manifest, 'defaults:\n  region: us-east-1\nairflowEnvironments:\n  - DemoAirflow\n  - name: EuropeAirflow\n    region: eu-west-1\n');
    try {
      const uri = vscode.Uri.file(manifest);
      await vscode.window.showTextDocument(uri);
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).filter((l) => l.command?.command === OPEN);
      assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command!.title, l.command!.arguments]), [
        [3, '$(link-external) Open Airflow UI (us-east-1)', [{ name: 'DemoAirflow', region: 'us-east-1' }]],
        [4, '$(link-external) Open Airflow UI (eu-west-1)', [{ name: 'EuropeAirflow', region: 'eu-west-1' }]],
      ]);
      await vscode.commands.executeCommand(OPEN, ...lenses[1].command!.arguments!);
      assert.equal(LOGIN_URL.exec(opened[0])?.[1], 'europeairflow');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it('names airflow:CreateWebLoginToken and AmazonMWAAWebServerAccess when access is denied, and opens nothing', async () => {
    await fault('CreateWebLoginToken', 'accessDenied');
    const result = await vscode.commands.executeCommand<OpenResult | undefined>(OPEN, { name: 'DemoAirflow', region: 'us-east-1' });
    assert.equal(result, undefined);
    assert.equal(opened.length, 0);
    const line = await waitFor('the failure in the log', async () => (await logText()).split('\n').find((l) => l.includes(`${OPEN} failed: Could not open the Airflow UI of DemoAirflow`)));
    assert.match(line, /access denied\. Your identity needs the IAM permission airflow:CreateWebLoginToken on DemoAirflow \(the AWS managed policy AmazonMWAAWebServerAccess grants it\)/);
  });

  it('checks the environment name before any call, and logs both identities of a login', async () => {
    await fetch(`${emulatorUrl}/_emulator/requests`, { method: 'DELETE' });
    const result = await vscode.commands.executeCommand<OpenResult | undefined>(OPEN, { name: '1-analytics', region: 'us-east-1' });
    assert.equal(result, undefined);
    assert.deepEqual(await (await fetch(`${emulatorUrl}/_emulator/requests`)).json(), [], 'nothing reached AWS');
    await waitFor('the refusal in the log', async () => (await logText()).includes("failed: Cannot open the Airflow UI of '1-analytics': An MWAA environment name must start with a letter. Nothing was sent to AWS.") || undefined);

    await vscode.commands.executeCommand<OpenResult>(OPEN, { name: 'DemoAirflow', region: 'us-east-1' });
    await waitFor('the login line with both identities', async () => (await logText()).includes('opened Airflow UI for DemoAirflow as iam-user/test (IAM identity arn:aws:iam::000000000000:user/test) in us-east-1') || undefined);
  });

  it('says the environment is not in that region', async () => {
    const result = await vscode.commands.executeCommand<OpenResult | undefined>(OPEN, { name: 'EuropeAirflow', region: 'us-east-1' });
    assert.equal(result, undefined);
    assert.equal(opened.length, 0);
    await waitFor('the failure in the log', async () => (await logText()).includes('failed: MWAA environment EuropeAirflow is not in us-east-1.') || undefined);
  });

  it('leaves no token in the output channel or any other log of this extension host', async () => {
    const before = await tokenCalls();
    await vscode.commands.executeCommand<OpenResult>(OPEN, 'DemoAirflow');
    assert.equal((await tokenCalls()) - before, 1);
    const token = LOGIN_URL.exec(opened[0])![4];
    // The log line written after openExternal is there, so everything before it has been flushed.
    await waitFor('the "opened Airflow UI" log line', async () => ((await logText()).includes('opened Airflow UI for DemoAirflow as iam-user/test') ? true : undefined));
    const logs = await readTree(path.dirname(hooks.logUri.fsPath));
    assert.ok(logs.some((l) => l.file === logFile()), `the AWS Workflows log is not under ${path.dirname(hooks.logUri.fsPath)}`);
    const leaks = logs.filter((l) => l.text.includes(token)).map((l) => l.file);
    assert.deepEqual(leaks, [], 'the token reached a log');
    // Below the channel's level too: every line the feature logged, trace included.
    assert.ok(hooks.loggedLines.some((l) => l.startsWith('info opened Airflow UI for DemoAirflow')), 'the feature logged nothing');
    assert.deepEqual(hooks.loggedLines.filter((l) => l.includes(token) || l.includes('aws-console-sso')), [], 'the token or URL was logged below the channel level');
    assert.doesNotMatch(await logText(), /aws-console-sso/, 'the login URL reached the log');
  });
});
