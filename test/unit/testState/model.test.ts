// TestState from the editor, the pure part: state anchors from the lint, files beside a definition,
// mocks for a state, the manifest's role, request building with one-sentence refusals, and a run
// saved as a case that `aws-workflows test` reads back (parseTestFile) and judges as passing.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../src/core/lint';
import { parseManifest } from '../../../src/core/manifest';
import { judge, parseTestFile } from '../../../src/core/runs/testCases';
import { appendTestCase, buildTestStateRequest, definitionJson, EMPTY_FORM, manifestRoleFor, mockChoices, mockFileNames, testCaseFromRun, testFileName, type TestStateRequest } from '../../../src/core/testState/model';

const examples = join(__dirname, '../../../examples');
const pipelineText = readFileSync(join(examples, 'statemachines/order-pipeline.asl.yaml'), 'utf8');
const mocksText = readFileSync(join(examples, 'statemachines/order-pipeline.mocks.json'), 'utf8');

function pipeline() {
  const d = definitionJson(pipelineText, 'order-pipeline.asl.yaml');
  assert.ok(d.ok);
  return d.value;
}

describe('testState: the model', () => {
  it('the lint carries each top-level state and where its key is, for JSON and YAML', () => {
    const yaml = lintText({ fileName: 'order-pipeline.asl.yaml', text: pipelineText });
    assert.equal(yaml.kind, 'stateMachine');
    assert.deepEqual(yaml.states?.map((s) => [s.name, s.type]), [['ChargePayment', 'Task'], ['NeedsApproval', 'Choice'], ['WaitForApproval', 'Task'], ['ShipOrder', 'Task'], ['PaymentFailed', 'Fail']]);
    for (const s of yaml.states!) assert.equal(pipelineText.slice(s.offset, s.offset + s.name.length), s.name);
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Parallel", "Branches": [{"StartAt": "Inner", "States": {"Inner": {"Type": "Pass", "End": true}}}], "Next": "B"},\n    "B": {"Type": "Succeed"}\n  }\n}';
    const json = lintText({ fileName: 'x.asl.json', text });
    // Nested states are not anchors: TestState's stateName names a state of the top-level States.
    assert.deepEqual(json.states?.map((s) => [s.name, text.slice(s.offset, s.offset + 3)]), [['A', '"A"'], ['B', '"B"']]);
    assert.equal(lintText({ fileName: 'aws-workflows.yaml', text: 'stateMachines: {}\n' }).states, undefined);
  });

  it('names the files beside a definition', () => {
    assert.deepEqual(mockFileNames('dir/order-pipeline.asl.yaml'), ['order-pipeline.mocks.json', 'order-pipeline.mocks.yaml', 'order-pipeline.mocks.yml']);
    assert.equal(testFileName('hello-express.asl.json'), 'hello-express.tests.yaml');
    assert.equal(testFileName('flow.yaml'), 'flow.tests.yaml');
  });

  it("finds a state's mocks by name, else by resource, one choice per call of a list", () => {
    const byName = mockChoices(mocksText, 'order-pipeline.mocks.json', 'ChargePayment', 'arn:aws:states:::lambda:invoke');
    assert.equal(byName.choices.length, 1);
    assert.deepEqual(byName.choices[0].mock, { result: { StatusCode: 200, Payload: { orderId: 'o-1001', total: 1250, charged: true } } });
    const list = mockChoices('{"arn:aws:states:::sqs:sendMessage": [{"errorOutput": {"error": "SQS.Throttled"}}, {"result": {"MessageId": "1"}}]}', 'm.json', 'ShipOrder', 'arn:aws:states:::sqs:sendMessage');
    assert.deepEqual(list.choices.map((c) => c.label), ['its resource (call 1): error SQS.Throttled', 'its resource (call 2): result']);
    assert.deepEqual(mockChoices(mocksText, 'm.json', 'NeedsApproval', undefined), { choices: [] });
    assert.match(mockChoices('[1]', 'm.json', 'A', undefined).problem!, /^m\.json must be an object keyed by state name or resource ARN\.$/);
    assert.match(mockChoices('{', 'm.json', 'A', undefined).problem!, /^m\.json does not parse: /);
  });

  it('takes the role and region of the manifest entry whose definition is this file', () => {
    const manifest = parseManifest(readFileSync(join(examples, 'aws-workflows.yaml'), 'utf8')).manifest;
    assert.deepEqual(manifestRoleFor(manifest, 'statemachines/order-pipeline.asl.yaml'), { roleArn: 'arn:aws:iam::000000000000:role/order-pipeline', region: 'us-east-1', entry: 'order-pipeline' });
    assert.deepEqual(manifestRoleFor(manifest, './statemachines/hello-express.asl.json').entry, 'hello-express');
    assert.deepEqual(manifestRoleFor(manifest, 'statemachines/other.asl.json'), {});
  });

  it('builds the request: YAML sent as JSON, the mock as MockInput, every field checked in one sentence', () => {
    const def = pipeline();
    const mock = JSON.stringify({ result: { Payload: { ok: true } } });
    const built = buildTestStateRequest(def, 'ChargePayment', { ...EMPTY_FORM, input: ' {"orderId": "o-1"} ', variables: '{"limit": 5}', context: '{"Execution": {"Name": "t"}}', mock, roleArn: 'arn:aws:iam::000000000000:role/order-pipeline', inspectionLevel: 'DEBUG', revealSecrets: true });
    assert.ok(built.ok);
    assert.deepEqual(JSON.parse(built.value.definition).States.ChargePayment.Retry[0].MaxAttempts, 2);
    assert.deepEqual({ ...built.value, definition: undefined }, {
      definition: undefined,
      stateName: 'ChargePayment',
      roleArn: 'arn:aws:iam::000000000000:role/order-pipeline',
      input: '{"orderId":"o-1"}',
      inspectionLevel: 'DEBUG',
      // revealSecrets is for TRACE only.
      revealSecrets: undefined,
      stateConfiguration: undefined,
      variables: '{"limit":5}',
      context: '{"Execution":{"Name":"t"}}',
      mock: { result: '{"Payload":{"ok":true}}', errorOutput: undefined, fieldValidationMode: undefined },
    });
    const refused = (state: string, form: Partial<typeof EMPTY_FORM>) => {
      const r = buildTestStateRequest(def, state, { ...EMPTY_FORM, ...form });
      assert.ok(!r.ok);
      return [r.field, r.message];
    };
    assert.deepEqual(refused('ChargePayment', { input: '{orderId: 1}' })[0], 'input');
    assert.match(refused('ChargePayment', { input: '{orderId: 1}' })[1], /^The input is not JSON: /);
    assert.deepEqual(refused('ChargePayment', { variables: '[1]' }), ['variables', 'The variables value must be a JSON object.']);
    assert.deepEqual(refused('ChargePayment', { context: '{}' }), ['context', 'A context can only be sent with a mock (TestState refuses it otherwise); choose a mock or clear the context.']);
    assert.deepEqual(refused('NeedsApproval', { mock }), ['mock', 'A mock is only for Task, Map and Parallel states, and NeedsApproval is a Choice; clear the mock.']);
    assert.deepEqual(refused('ChargePayment', { mock: '{"result": 1, "errorOutput": {}}' }), ['mock', "The mock needs exactly one of 'result' and 'errorOutput'."]);
    assert.deepEqual(refused('ChargePayment', { mock: '{"result": 1, "fieldValidationMode": "LAX"}' }), ['mock', "The mock's fieldValidationMode must be one of STRICT, PRESENT, NONE."]);
    assert.deepEqual(refused('ChargePayment', { roleArn: 'order-pipeline' }), ['roleArn', "The role ARN 'order-pipeline' is not an IAM role ARN (arn:aws:iam::123456789012:role/name)."]);
    assert.deepEqual(refused('Gone', {}), ['state', "The state 'Gone' is no longer in the definition's States; save the definition or pick another state."]);
    assert.deepEqual(refused('ChargePayment', { retrierRetryCount: '-1' }), ['retrierRetryCount', "The retries already made must be a whole number from 0, not '-1'."]);
    const trace = buildTestStateRequest(def, 'ShipOrder', { ...EMPTY_FORM, inspectionLevel: 'TRACE', revealSecrets: true, mock: '{"errorOutput": {"error": "SQS.Throttled", "cause": "slow down"}}' });
    assert.ok(trace.ok);
    assert.equal(trace.value.revealSecrets, true);
    assert.deepEqual(trace.value.mock, { result: undefined, errorOutput: { error: 'SQS.Throttled', cause: 'slow down' }, fieldValidationMode: undefined });
    assert.equal(trace.value.stateConfiguration, undefined);
    const bad = definitionJson('StartAt: A\nStates: [', 'x.asl.yaml');
    assert.ok(!bad.ok && /^The definition does not parse/.test(bad.message));
  });

  it('saves a run as a case that parseTestFile reads back and judge passes against the same answer', () => {
    const built = buildTestStateRequest(pipeline(), 'ChargePayment', { ...EMPTY_FORM, input: '{"orderId": "o-1", "total": 5}', mock: '{"result": {"Payload": {"orderId": "o-1", "charged": true}}}' });
    assert.ok(built.ok);
    const request: TestStateRequest = built.value;
    const answer = { status: 'SUCCEEDED', nextState: 'NeedsApproval', output: '{"orderId":"o-1","charged":true}' };
    const first = appendTestCase(undefined, 'order-pipeline.asl.yaml', testCaseFromRun('charged', request, answer));
    assert.ok(first.ok);
    const caught = { status: 'CAUGHT_ERROR', nextState: 'PaymentFailed', output: '{"Error":"Payment.Declined","Cause":"card"}', error: 'Payment.Declined', cause: 'card' };
    const declined = buildTestStateRequest(pipeline(), 'ChargePayment', { ...EMPTY_FORM, mock: '{"errorOutput": {"error": "Payment.Declined", "cause": "card"}}', retrierRetryCount: ' 2 ' });
    assert.ok(declined.ok);
    const second = appendTestCase(first.value, 'order-pipeline.asl.yaml', testCaseFromRun('declined', declined.value, caught));
    assert.ok(second.ok);
    const file = parseTestFile(second.value);
    assert.ok(typeof file !== 'string', String(file));
    assert.equal(file.definition, 'order-pipeline.asl.yaml');
    assert.deepEqual(file.cases.map((c) => c.name), ['charged', 'declined']);
    assert.deepEqual(file.cases[0], { name: 'charged', state: 'ChargePayment', input: { orderId: 'o-1', total: 5 }, mock: { result: { Payload: { orderId: 'o-1', charged: true } } }, expect: { status: 'SUCCEEDED', nextState: 'NeedsApproval', output: { orderId: 'o-1', charged: true } } });
    assert.deepEqual(judge(file.cases[0], answer), []);
    assert.deepEqual(judge(file.cases[1], caught), []);
    assert.equal(file.cases[1].retrierRetryCount, 2);
    assert.deepEqual(judge(file.cases[0], { ...answer, nextState: 'ShipOrder' }), ['next state ShipOrder, expected NeedsApproval']);
  });

  it("appends to the examples' hand-written file keeping its comments, and refuses a file for another definition", () => {
    const existing = readFileSync(join(examples, 'statemachines/order-pipeline.tests.yaml'), 'utf8');
    const run = buildTestStateRequest(pipeline(), 'NeedsApproval', { ...EMPTY_FORM, input: '{"total": 2}' });
    assert.ok(run.ok);
    const next = appendTestCase(existing, 'order-pipeline.asl.yaml', testCaseFromRun('two ships', run.value, { status: 'SUCCEEDED', nextState: 'ShipOrder', output: '{"total":2}' }));
    assert.ok(next.ok);
    assert.ok(next.value.startsWith('# TestState cases for order-pipeline'));
    assert.ok(next.value.includes('  - name: orders over 1000 wait for a person\n'));
    const file = parseTestFile(next.value);
    assert.ok(typeof file !== 'string');
    assert.equal(file.cases.length, 6);
    assert.deepEqual(file.cases[5].expect, { status: 'SUCCEEDED', nextState: 'ShipOrder', output: { total: 2 } });
    const other = appendTestCase(existing, 'hello-express.asl.json', testCaseFromRun('x', run.value, { status: 'SUCCEEDED' }));
    assert.deepEqual(other, { ok: false, field: 'definition', message: "The tests file beside this definition tests order-pipeline.asl.yaml, not hello-express.asl.json; move it or change its 'definition'." });
  });
});
