// The TestState panel's request and run (src/core/testState, src/testState/run.ts) over the real SDK
// against the emulator: order-pipeline's states with the mocks beside it, DEBUG inspection data, a
// run saved as a case that `aws-workflows test` then passes, and every refusal in one sentence.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AwsSession } from '../../src/aws/session';
import { runCli } from '../../src/cli/main';
import { MemoryLogger } from '../../src/core/log';
import { appendTestCase, buildTestStateRequest, definitionJson, EMPTY_FORM, mockChoices, testCaseFromRun, type TestStateForm } from '../../src/core/testState/model';
import { runTestState } from '../../src/testState/run';
import type { RunningEmulator } from './server';
import { control, startTestEmulator } from './testSupport';

const REGION = 'us-east-1';
const ROLE = 'arn:aws:iam::000000000000:role/order-pipeline';

describe('TestState panel: requests and runs against the emulator', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let session: AwsSession;
  let dir: string;
  let env: Record<string, string>;
  const folder = () => join(dir, 'statemachines');

  before(async () => {
    emulator = await startTestEmulator();
    dir = mkdtempSync(join(tmpdir(), 'aws-workflows-teststate-'));
    cpSync(resolve(__dirname, '../../examples'), dir, { recursive: true });
    env = { AWS_ENDPOINT_URL: emulator.endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: REGION, AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
    session = new AwsSession({ logger: new MemoryLogger(), env, retry: { baseDelayMs: 1, throttlingBaseDelayMs: 1 } });
  });
  beforeEach(() => control(emulator, 'DELETE', '/faults'));
  after(async () => {
    session?.dispose();
    await emulator?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function request(stateName: string, form: Partial<TestStateForm>) {
    const def = definitionJson(readFileSync(join(folder(), 'order-pipeline.asl.yaml'), 'utf8'), 'order-pipeline.asl.yaml');
    assert.ok(def.ok);
    const built = buildTestStateRequest(def.value, stateName, { ...EMPTY_FORM, roleArn: ROLE, ...form });
    assert.ok(built.ok, built.ok ? '' : built.message);
    return built.value;
  }

  it("runs a Task with the mock from the file beside it: output, next state and DEBUG's steps", async () => {
    const mocks = mockChoices(readFileSync(join(folder(), 'order-pipeline.mocks.json'), 'utf8'), 'order-pipeline.mocks.json', 'ChargePayment', undefined);
    const r = await runTestState(session, REGION, request('ChargePayment', { input: '{"orderId": "o-1001", "total": 1250}', inspectionLevel: 'DEBUG', mock: JSON.stringify(mocks.choices[0].mock) }));
    assert.equal(r.status, 'SUCCEEDED');
    assert.equal(r.nextState, 'NeedsApproval');
    assert.deepEqual(JSON.parse(r.output!), { orderId: 'o-1001', total: 1250, charged: true });
    assert.ok(r.inspection, 'DEBUG answers inspection data');
    assert.deepEqual(JSON.parse(r.inspection.result), { StatusCode: 200, Payload: { orderId: 'o-1001', total: 1250, charged: true } });
    const info = await runTestState(session, REGION, request('NeedsApproval', { input: '{"total": 5}' }));
    assert.deepEqual([info.status, info.nextState, info.inspection], ['SUCCEEDED', 'ShipOrder', undefined]);
  });

  it('saves runs as cases that `aws-workflows test` runs and passes (exit 0)', async () => {
    const caught = request('ChargePayment', { input: '{"orderId": "o-2"}', mock: '{"errorOutput": {"error": "Payment.Declined", "cause": "card expired"}}' });
    const caughtResult = await runTestState(session, REGION, caught);
    assert.equal(caughtResult.status, 'CAUGHT_ERROR');
    const choice = request('NeedsApproval', { input: '{"total": 2000}', variables: '{"limit": 1000}' });
    const choiceResult = await runTestState(session, REGION, choice);
    // Retries used up: the throttled Lambda's error goes on to the Catch.
    const exhausted = request('ChargePayment', { mock: '{"errorOutput": {"error": "Lambda.TooManyRequestsException"}}', retrierRetryCount: '2' });
    const exhaustedResult = await runTestState(session, REGION, exhausted);
    assert.deepEqual([exhaustedResult.status, exhaustedResult.nextState], ['CAUGHT_ERROR', 'PaymentFailed']);
    assert.equal((await runTestState(session, REGION, { ...exhausted, stateConfiguration: undefined })).status, 'RETRIABLE');
    const file = join(folder(), 'saved.tests.yaml');
    let text: string | undefined;
    for (const [name, req, res] of [['declined', caught, caughtResult], ['big order', choice, choiceResult], ['retries used up', exhausted, exhaustedResult]] as const) {
      const next = appendTestCase(text, 'order-pipeline.asl.yaml', testCaseFromRun(name, req, res));
      assert.ok(next.ok);
      text = next.value;
    }
    writeFileSync(file, text!);
    let stdout = '';
    const code = await runCli(['test', 'statemachines/saved.tests.yaml'], { cwd: dir, env, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stdout += s) } });
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^pass {2}statemachines\/saved\.tests\.yaml › declined$/m);
    assert.match(stdout, /^pass {2}statemachines\/saved\.tests\.yaml › retries used up$/m);
    assert.match(stdout, /^3 passed, 0 failed$/m);
  });

  it('says in one sentence what was refused: AccessDenied (both permissions), InvalidDefinition, a missing state', async () => {
    await control(emulator, 'POST', '/faults', { operation: 'TestState', kind: 'accessDenied' });
    await assert.rejects(runTestState(session, REGION, request('NeedsApproval', { input: '{"total": 1}' })), (e: Error) => {
      assert.match(e.message, /^TestState of NeedsApproval in us-east-1 failed: access denied \(AWS said: .+\)\. Your identity needs states:TestState and iam:PassRole on arn:aws:iam::000000000000:role\/order-pipeline; ask your administrator to allow them, or choose a profile that has them\.$/);
      return true;
    });
    await assert.rejects(runTestState(session, REGION, { ...request('NeedsApproval', {}), definition: '{"StartAt": ' }), (e: Error) => {
      assert.match(e.message, /^TestState of NeedsApproval in us-east-1 failed: Step Functions rejected the definition: .+\. Fix the definition and run again\.$/);
      return true;
    });
    await assert.rejects(runTestState(session, REGION, { ...request('NeedsApproval', {}), stateName: 'Gone' }), (e: Error) => {
      assert.equal(e.message, "TestState of Gone in us-east-1 failed: Step Functions rejected the request: The state 'Gone' is not in the definition's States. Fix it and run again.");
      return true;
    });
  });
});
