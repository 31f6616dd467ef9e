// TestState from the editor, the pure part: state anchors from the lint, files beside a definition,
// mocks for a state, the manifest's role, request building with one-sentence refusals, and a run
// saved as a case that `aws-workflows test` reads back (parseTestFile) and judges as passing.
import { parse as parseYaml } from 'yaml';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../src/core/lint';
import { parseManifest } from '../../../src/core/manifest';
import { judge, parseTestFile } from '../../../src/core/runs/testCases';
import { stateAt } from '../../../src/core/testState/statePath';
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
  it('the lint carries each state and where its key is, for JSON and YAML', () => {
    const yaml = lintText({ fileName: 'order-pipeline.asl.yaml', text: pipelineText });
    assert.equal(yaml.kind, 'stateMachine');
    assert.deepEqual(yaml.states?.map((s) => [s.name, s.type]), [['ChargePayment', 'Task'], ['NeedsApproval', 'Choice'], ['WaitForApproval', 'Task'], ['ShipOrder', 'Task'], ['PaymentFailed', 'Fail']]);
    for (const s of yaml.states!) assert.equal(pipelineText.slice(s.offset, s.offset + s.name.length), s.name);
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Parallel", "Branches": [{"StartAt": "Inner", "States": {"Inner": {"Type": "Pass", "End": true}}}], "Next": "B"},\n    "B": {"Type": "Succeed"}\n  }\n}';
    const json = lintText({ fileName: 'x.asl.json', text });
    assert.deepEqual(json.states?.map((s) => [s.path.join('/'), text.slice(s.offset, s.offset + s.name.length + 2)]), [['A', '"A"'], ['A/Inner', '"Inner"'], ['B', '"B"']]);
    assert.equal(lintText({ fileName: 'aws-workflows.yaml', text: 'stateMachines: {}\n' }).states, undefined);
  });

  it('anchors nested states (Parallel branches, Map ItemProcessor and legacy Iterator) in JSON and YAML, each at its key', () => {
    const yamlText = [
      'StartAt: Fan',
      'States:',
      '  Fan:',
      '    Type: Parallel',
      '    Branches:',
      '      - StartAt: Left',
      '        States:',
      '          Left: { Type: Pass, End: true }',
      '      - StartAt: Items',
      '        States:',
      '          Items:',
      '            Type: Map',
      '            ItemProcessor:',
      '              StartAt: Charge',
      '              States:',
      '                Charge: { Type: Task, Resource: "arn:aws:states:::lambda:invoke", End: true }',
      '            End: true',
      '    Next: Old',
      '  Old:',
      '    Type: Map',
      '    Iterator:',
      '      StartAt: Each',
      '      States:',
      '        Each: { Type: Succeed }',
      '    End: true',
      '',
    ].join('\n');
    const expected = [['Fan', 'Parallel'], ['Fan/Left', 'Pass'], ['Fan/Items', 'Map'], ['Fan/Items/Charge', 'Task'], ['Old', 'Map'], ['Old/Each', 'Succeed']];
    const yaml = lintText({ fileName: 'nested.asl.yaml', text: yamlText });
    assert.deepEqual(yaml.states?.map((s) => [s.path.join('/'), s.type]), expected);
    for (const s of yaml.states!) assert.equal(yamlText.slice(s.offset, s.offset + s.name.length), s.name);
    const jsonText = JSON.stringify(parseYaml(yamlText), null, 2);
    const json = lintText({ fileName: 'nested.asl.json', text: jsonText });
    assert.deepEqual(json.states?.map((s) => [s.path.join('/'), s.type]), expected);
    for (const s of json.states!) assert.equal(jsonText.slice(s.offset, s.offset + s.name.length + 2), JSON.stringify(s.name));
  });

  it('sends a nested state alone (its own definition, no stateName) and a top-level one by name in the whole definition', () => {
    const text = JSON.stringify({ StartAt: 'Fan', States: { Fan: { Type: 'Parallel', Branches: [{ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { StartAt: 'Items', States: { Items: { Type: 'Map', Iterator: { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Done' }, Done: { Type: 'Succeed' } } }, End: true } } }], End: true } } });
    const d = definitionJson(text, 'n.asl.json');
    assert.ok(d.ok);
    const form = { ...EMPTY_FORM, input: '{"id": 1}', variables: '{"v": 2}', context: '{"Execution": {"Id": "x"}}', inspectionLevel: 'DEBUG' as const, mock: '{"result": {"ok": true}}', roleArn: 'arn:aws:iam::123456789012:role/r' };
    const nested = buildTestStateRequest(d.value, ['Fan', 'Items', 'Charge'], form);
    assert.ok(nested.ok, nested.ok ? '' : nested.message);
    assert.deepEqual(JSON.parse(nested.value.definition), { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Done' });
    assert.equal(nested.value.stateName, undefined);
    assert.deepEqual([nested.value.input, nested.value.variables, nested.value.context, nested.value.inspectionLevel, nested.value.roleArn, nested.value.mock?.result], ['{"id":1}', '{"v":2}', '{"Execution":{"Id":"x"}}', 'DEBUG', 'arn:aws:iam::123456789012:role/r', '{"ok":true}']);
    const top = buildTestStateRequest(d.value, ['Fan'], { ...form, mock: '', context: '' });
    assert.ok(top.ok);
    assert.deepEqual([top.value.stateName, top.value.definition], ['Fan', d.value.json]);
    const gone = buildTestStateRequest(d.value, ['Fan', 'Nope'], form);
    assert.deepEqual(gone.ok ? undefined : [gone.field, gone.message], ['state', 'The state Fan › Nope is no longer in the definition; save the definition or pick another state.']);
    const pass = buildTestStateRequest(d.value, ['Fan', 'P'], form);
    assert.match(pass.ok ? '' : pass.message, /^A mock is only for Task, Map and Parallel states, and Fan › P is a Pass; clear the mock\.$/);

    const c = testCaseFromRun('nested', nested.value, { status: 'SUCCEEDED', nextState: 'Done', output: '{"ok":true}' }, ['Fan', 'Items', 'Charge']);
    assert.deepEqual([c.path, c.state], [['Fan', 'Items', 'Charge'], undefined]);
    const file = appendTestCase(undefined, 'n.asl.json', c);
    assert.ok(file.ok);
    const read = parseTestFile(file.value);
    assert.ok(typeof read !== 'string', String(read));
    assert.deepEqual(read.cases[0].path, ['Fan', 'Items', 'Charge']);
    assert.deepEqual(judge(read.cases[0], { status: 'SUCCEEDED', nextState: 'Done', output: '{"ok":true}' }), []);
    assert.equal(stateAt(JSON.parse(text), read.cases[0].path!)?.Next, 'Done');
    // Sent alone, a nested state keeps the machine's QueryLanguage unless it sets its own.
    const jsonata = { QueryLanguage: 'JSONata', StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'A', States: { A: { Type: 'Pass', End: true }, B: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } } }, End: true } } };
    assert.deepEqual(stateAt(jsonata, ['M', 'A']), { Type: 'Pass', End: true, QueryLanguage: 'JSONata' });
    assert.deepEqual(stateAt(jsonata, ['M', 'B']), { Type: 'Pass', QueryLanguage: 'JSONPath', End: true });
    assert.equal(stateAt(jsonata, ['M'])?.QueryLanguage, undefined);
    assert.equal(parseTestFile('definition: n.asl.json\ncases:\n  - { name: x, path: [Fan], expect: {} }\n'), "case 1 (x): 'path' must list two state names or more, from a top-level state down to the nested state it tests.");
    assert.equal(parseTestFile('definition: n.asl.json\ncases:\n  - { name: x, state: Fan, path: [Fan, P], expect: {} }\n'), "case 1 (x): give 'state' (a top-level state) or 'path' (a nested state), not both.");
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
