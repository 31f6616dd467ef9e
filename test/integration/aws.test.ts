// The AWS layer inside the real extension host: settings that pick credentials or regions are
// user-level only, the SDK is loaded on first use from dist/sdk, calls reach the emulator through
// AWS_ENDPOINT_URL, and failures come back as sentences.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';

interface ConnectionCheck {
  ok: boolean;
  message: string;
  region: string;
  endpoint: string;
  profile?: string;
}

const emulatorUrl = process.env.EMULATOR_URL;

async function fault(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${emulatorUrl}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status < 300, true, `the emulator refused the fault: ${res.status} ${await res.text()}`);
}

const checkConnection = () => vscode.commands.executeCommand<ConnectionCheck>('awsWorkflows.checkConnection');

const sdkBundlesLoaded = () => Object.keys(require.cache).filter((m) => /[\\/]dist[\\/]sdk[\\/]/.test(m));

describe('AWS access (in the extension host)', function () {
  before(async function () {
    if (!emulatorUrl) throw new Error('EMULATOR_URL is not set: the harness should start the emulator (test/emulator/server.ts)');
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  afterEach(async () => {
    const config = vscode.workspace.getConfiguration('awsWorkflows');
    await config.update('profile', undefined, vscode.ConfigurationTarget.Global);
    await config.update('region', undefined, vscode.ConfigurationTarget.Global);
  });

  it('declares profile and region as user-level settings a workspace cannot set', async () => {
    const props = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } }).contributes.configuration.properties;
    for (const key of ['awsWorkflows.profile', 'awsWorkflows.region']) assert.ok(['application', 'machine'].includes(props[key].scope ?? ''), `${key} has scope ${props[key].scope}`);
    const config = vscode.workspace.getConfiguration('awsWorkflows');
    await assert.rejects(Promise.resolve(config.update('profile', 'someone-else', vscode.ConfigurationTarget.Workspace)));
    assert.equal(vscode.workspace.getConfiguration('awsWorkflows').inspect('profile')?.workspaceValue, undefined);
  });

  it('reaches the emulator through AWS_ENDPOINT_URL, loading the Step Functions SDK from dist/sdk only then', async () => {
    const result = await checkConnection();
    assert.ok(result, 'the command returned nothing');
    assert.equal(result.ok, true, result.message);
    assert.equal(result.endpoint, process.env.AWS_ENDPOINT_URL);
    assert.equal(result.region, 'us-east-1');
    assert.match(result.message, /Connected to AWS in us-east-1 .* \(AWS_ENDPOINT_URL\)/);
    assert.ok(
      sdkBundlesLoaded().some((m) => /[\\/]dist[\\/]sdk[\\/]sfn\.js$/.test(m)),
      `dist/sdk/sfn.js was not loaded: ${sdkBundlesLoaded().join(', ') || 'no SDK bundle at all'}`,
    );
  });

  it('follows the region setting, and a chosen profile\'s credentials', async () => {
    const config = vscode.workspace.getConfiguration('awsWorkflows');
    await config.update('region', 'eu-west-1', vscode.ConfigurationTarget.Global);
    await config.update('profile', 'default', vscode.ConfigurationTarget.Global);
    const result = await checkConnection();
    assert.equal(result.region, 'eu-west-1');
    assert.equal(result.profile, 'default');
    assert.equal(result.ok, true, result.message);
  });

  it('turns AccessDenied into a sentence naming the IAM action', async () => {
    await fault({ service: 'states', operation: 'ListStateMachines', count: 1, kind: 'accessDenied' });
    const result = await checkConnection();
    assert.equal(result.ok, false);
    assert.match(result.message, /^Step Functions ListStateMachines in us-east-1 failed: access denied\..*states:ListStateMachines/);
  });

  it('retries a throttled call and succeeds', async () => {
    await fault({ service: 'states', operation: 'ListStateMachines', count: 1, kind: 'throttle' });
    const result = await checkConnection();
    assert.equal(result.ok, true, result.message);
  });

  it('gives one clear error after three 500s', async () => {
    await fault({ service: 'states', operation: 'ListStateMachines', count: 3, kind: 'http500' });
    const result = await checkConnection();
    assert.equal(result.ok, false);
    assert.match(result.message, /internal error \(HTTP 500\) after 3 attempts/);
  });

  it('names a profile that does not exist and how to fix it', async () => {
    await vscode.workspace.getConfiguration('awsWorkflows').update('profile', 'no-such-profile', vscode.ConfigurationTarget.Global);
    const result = await checkConnection();
    assert.equal(result.ok, false);
    assert.match(result.message, /no AWS credentials were found for profile "no-such-profile"\. Choose a profile/);
  });
});
