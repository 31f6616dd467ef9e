// The TestState panel's request and run (src/core/testState, src/testState/run.ts) over the real SDK
// against the emulator: order-pipeline's states with the mocks beside it, DEBUG inspection data, a
// run saved as a case that `aws-workflows test` then passes, and every refusal in one sentence.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AwsSession } from '../../src/aws/session';
import { runCli } from '../../src/cli/main';
import { lintText } from '../../src/core/lint';
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

  it('runs a state nested in a Map processor or a Parallel branch alone (its own definition, no stateName), and `aws-workflows test` runs it saved', async () => {
    const text = [
      'QueryLanguage: JSONata',
      'StartAt: ProcessItems',
      'States:',
      '  ProcessItems:',
      '    Type: Map',
      '    ItemProcessor:',
      '      StartAt: ChargeCard',
      '      States:',
      '        ChargeCard:',
      '          Type: Task',
      '          Resource: arn:aws:states:::lambda:invoke',
      '          Arguments: { FunctionName: charge, Payload: "{% $states.input %}" }',
      '          Output: "{% $states.result.Payload %}"',
      '          Next: Record',
      '        Record: { Type: Pass, End: true }',
      '    Next: Fan',
      '  Fan:',
      '    Type: Parallel',
      '    Branches:',
      '      - StartAt: AddOne',
      '        States:',
      '          AddOne: { Type: Pass, Output: "{% $states.input.n + 1 %}", End: true }',
      '    End: true',
      '',
    ].join('\n');
    writeFileSync(join(folder(), 'nested.asl.yaml'), text);
    const anchors = lintText({ fileName: 'nested.asl.yaml', text }).states!;
    const charge = anchors.find((a) => a.name === 'ChargeCard')!;
    assert.deepEqual(charge.path, ['ProcessItems', 'ChargeCard']);
    const def = definitionJson(text, 'nested.asl.yaml');
    assert.ok(def.ok);
    // The mock file's lookup by state name works for a nested state as for a top-level one.
    const mocks = mockChoices('{"ChargeCard": {"result": {"StatusCode": 200, "Payload": {"charged": 12}}}}', 'nested.mocks.json', charge.name, 'arn:aws:states:::lambda:invoke');
    const built = buildTestStateRequest(def.value, charge.path, { ...EMPTY_FORM, input: '{"amount": 12}', inspectionLevel: 'DEBUG', mock: JSON.stringify(mocks.choices[0].mock) });
    assert.ok(built.ok, built.ok ? '' : built.message);
    assert.equal(built.value.stateName, undefined);
    const charged = await runTestState(session, REGION, built.value, undefined, 'ProcessItems › ChargeCard');
    assert.deepEqual([charged.status, charged.nextState, JSON.parse(charged.output!)], ['SUCCEEDED', 'Record', { charged: 12 }]);
    assert.ok(charged.inspection?.result, 'DEBUG answers inspection data for a nested state');
    // JSONata from the machine's QueryLanguage: the state sent alone keeps it.
    const addOne = buildTestStateRequest(def.value, ['Fan', 'AddOne'], { ...EMPTY_FORM, input: '{"n": 41}' });
    assert.ok(addOne.ok);
    const added = await runTestState(session, REGION, addOne.value);
    assert.deepEqual([added.status, added.output, added.nextState], ['SUCCEEDED', '42', undefined]);

    let saved: string | undefined;
    for (const [name, req, res, path] of [['charge', built.value, charged, charge.path], ['add one', addOne.value, added, ['Fan', 'AddOne']]] as const) {
      const next = appendTestCase(saved, 'nested.asl.yaml', testCaseFromRun(name, req, res, path));
      assert.ok(next.ok);
      saved = next.value;
    }
    saved += '  - { name: moved away, path: [Fan, ChargeCard], input: {}, expect: { status: SUCCEEDED } }\n';
    writeFileSync(join(folder(), 'nested.tests.yaml'), saved!);
    let stdout = '';
    const code = await runCli(['test', 'statemachines/nested.tests.yaml'], { cwd: dir, env, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stdout += s) } });
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^pass {2}statemachines\/nested\.tests\.yaml › charge$/m);
    assert.match(stdout, /^pass {2}statemachines\/nested\.tests\.yaml › add one$/m);
    assert.match(stdout, /^FAIL {2}statemachines\/nested\.tests\.yaml › moved away: the definition has no state Fan › ChargeCard\.$/m);
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
