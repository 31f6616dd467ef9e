// Every ASL rule: a definition that triggers it and a neighbouring one that must not.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../src/core/parse/document';
import { validateAsl } from '../../../src/core/asl/validate';
import { RULES } from '../../../src/core/asl/rules';
import type { Finding } from '../../../src/core/findings';

type Json = Record<string, unknown>;

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:f';

/** A machine around some states; the first state is StartAt. */
function machine(states: Json, top: Json = {}): Json {
  return { ...top, StartAt: Object.keys(states)[0], States: states };
}
/** One state followed by a Succeed (so graph rules stay quiet). */
function one(state: Json, top: Json = {}): Json {
  if (state.Type === 'Succeed' || state.Type === 'Fail') return machine({ S: state }, top);
  const hasTransition = 'Next' in state || 'End' in state || state.Type === 'Choice';
  return machine({ S: hasTransition ? state : { ...state, Next: 'Done' }, Done: { Type: 'Succeed' } }, top);
}
let mapCount = 0;
const distributedMap = (extra: Json): Json => ({
  Type: 'Map', ...extra,
  ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: `I${++mapCount}`, States: { [`I${mapCount}`]: { Type: 'Pass', End: true } } },
});

function lint(input: Json | unknown[] | string, options: { format?: 'json' | 'yaml'; type?: 'STANDARD' | 'EXPRESS' } = {}): Finding[] {
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  return validateAsl(parseDocument(text, options.format ?? 'json'), { type: options.type });
}

interface Case {
  code: string;
  fires: Json | unknown[] | string;
  passes: Json | unknown[] | string;
  format?: 'json' | 'yaml';
  type?: 'STANDARD' | 'EXPRESS';
}

const cases: Case[] = [
  { code: 'asl/invalid-type', fires: one({ Type: 'Task', Resource: LAMBDA, TimeoutSeconds: '30' }), passes: one({ Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 30 }) },
  { code: 'asl/missing-field', fires: one({ Type: 'Task' }), passes: one({ Type: 'Task', Resource: LAMBDA }) },
  { code: 'asl/unknown-field', fires: one({ Type: 'Wait', Second: 5, Seconds: 5 }), passes: one({ Type: 'Wait', Seconds: 5 }) },
  { code: 'asl/unrecognized-field', fires: one(distributedMap({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', ManifestType: 'X' }, Parameters: { Bucket: 'b', Key: 'k' } } })), passes: one(distributedMap({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV' }, Parameters: { Bucket: 'b', Key: 'k' } } })) },
  { code: 'asl/wrong-query-language-field', fires: one({ Type: 'Pass', Output: { a: 1 } }), passes: one({ Type: 'Pass', QueryLanguage: 'JSONata', Output: { a: 1 } }) },
  { code: 'asl/invalid-value', fires: one({ Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['E'], BackoffRate: 0.5 }] }), passes: one({ Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['E'], BackoffRate: 1 }] }) },
  { code: 'asl/unknown-version', fires: machine({ A: { Type: 'Succeed' } }, { Version: '2.0' }), passes: machine({ A: { Type: 'Succeed' } }, { Version: '1.0' }) },
  { code: 'asl/invalid-query-language', fires: one({ Type: 'Pass', QueryLanguage: 'jsonata' }), passes: one({ Type: 'Pass', QueryLanguage: 'JSONata' }) },
  { code: 'asl/query-language-conflict', fires: one({ Type: 'Pass', QueryLanguage: 'JSONPath' }, { QueryLanguage: 'JSONata' }), passes: one({ Type: 'Pass', QueryLanguage: 'JSONata' }, { QueryLanguage: 'JSONPath' }) },
  { code: 'asl/invalid-state-type', fires: one({ Type: 'Pas' }), passes: one({ Type: 'Pass' }) },
  { code: 'asl/invalid-state-name', fires: machine({ ['x'.repeat(81)]: { Type: 'Succeed' } }), passes: machine({ ['x'.repeat(80)]: { Type: 'Succeed' } }) },
  { code: 'asl/missing-transition', fires: machine({ A: { Type: 'Pass' }, B: { Type: 'Succeed' } }), passes: machine({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } }) },
  { code: 'asl/next-and-end', fires: machine({ A: { Type: 'Pass', Next: 'B', End: true }, B: { Type: 'Succeed' } }), passes: machine({ A: { Type: 'Pass', Next: 'B', End: false }, B: { Type: 'Succeed' } }) },
  { code: 'asl/transition-not-allowed', fires: machine({ A: { Type: 'Succeed', End: true } }), passes: machine({ A: { Type: 'Succeed' } }) },
  { code: 'asl/unknown-state', fires: machine({ A: { Type: 'Pass', Next: 'b' }, B: { Type: 'Succeed' } }), passes: machine({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } }) },
  { code: 'asl/transition-out-of-scope', fires: machine({ P: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Next: 'Done' } } }], Next: 'Done' }, Done: { Type: 'Succeed' } }), passes: machine({ P: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', End: true } } }], Next: 'Done' }, Done: { Type: 'Succeed' } }) },
  { code: 'asl/unreachable-state', fires: machine({ A: { Type: 'Succeed' }, B: { Type: 'Succeed' } }), passes: machine({ A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'B' }], Default: 'C' }, B: { Type: 'Succeed' }, C: { Type: 'Succeed' } }) },
  { code: 'asl/no-terminal-state', fires: machine({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Wait', Seconds: 1, Next: 'A' } }), passes: machine({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Wait', Seconds: 1, End: true } }) },
  { code: 'asl/duplicate-state-name', fires: '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "A": {"Type": "Succeed"}}}', passes: '{"StartAt": "A", "States": {"A": {"Type": "Succeed", "Comment": "x", "Comment": "y"}}}' },
  { code: 'asl/invalid-path', fires: one({ Type: 'Pass', InputPath: '$.a[' }), passes: one({ Type: 'Pass', InputPath: '$.a[0]' }) },
  { code: 'asl/invalid-reference-path', fires: one({ Type: 'Pass', ResultPath: '$..a' }), passes: one({ Type: 'Pass', ResultPath: '$.a' }) },
  { code: 'asl/invalid-dollar-value', fires: one({ Type: 'Pass', Parameters: { 'a.$': 'literal' } }), passes: one({ Type: 'Pass', Parameters: { a: 'literal' } }) },
  { code: 'asl/missing-dollar-suffix', fires: one({ Type: 'Pass', Parameters: { a: '$.x' } }), passes: one({ Type: 'Pass', Parameters: { 'a.$': '$.x' } }) },
  { code: 'asl/duplicate-field', fires: one({ Type: 'Pass', Parameters: { a: 1, 'a.$': '$.a' } }), passes: one({ Type: 'Pass', Parameters: { a: 1, 'b.$': '$.a' } }) },
  { code: 'asl/invalid-intrinsic', fires: one({ Type: 'Pass', Parameters: { 'a.$': "States.Format('x'" } }), passes: one({ Type: 'Pass', Parameters: { 'a.$': "States.Format('x')" } }) },
  { code: 'asl/unknown-intrinsic', fires: one({ Type: 'Pass', Parameters: { 'a.$': 'States.Uuid()' } }), passes: one({ Type: 'Pass', Parameters: { 'a.$': 'States.UUID()' } }) },
  { code: 'asl/intrinsic-arity', fires: one({ Type: 'Pass', Parameters: { 'a.$': 'States.JsonMerge($.a, $.b)' } }), passes: one({ Type: 'Pass', Parameters: { 'a.$': 'States.JsonMerge($.a, $.b, false)' } }) },
  { code: 'asl/intrinsic-argument', fires: one({ Type: 'Pass', Parameters: { 'a.$': 'States.ArrayRange(1, 5, 0)' } }), passes: one({ Type: 'Pass', Parameters: { 'a.$': 'States.ArrayRange(1, 5, 1)' } }) },
  { code: 'asl/fail-path-intrinsic', fires: one({ Type: 'Fail', CausePath: 'States.MathAdd($.a, 1)' }), passes: one({ Type: 'Fail', CausePath: "States.Format('{} items', $.n)" }) },
  { code: 'asl/invalid-variable-name', fires: one({ Type: 'Pass', Assign: { '1st': 1 } }), passes: one({ Type: 'Pass', Assign: { first: 1, _second: 2, 'third.$': '$.x' } }) },
  { code: 'asl/assign-outer-variable', fires: machine({ A: { Type: 'Pass', Assign: { total: 0 }, Next: 'M' }, M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Assign: { total: 1 }, End: true } } }, End: true } }), passes: machine({ A: { Type: 'Pass', Assign: { total: 0 }, Next: 'M' }, M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Assign: { itemTotal: 1 }, End: true } } }, End: true } }) },
  { code: 'asl/invalid-jsonata', fires: one({ Type: 'Pass', Output: '{% $states.input. %}' }, { QueryLanguage: 'JSONata' }), passes: one({ Type: 'Pass', Output: '{% $states.input.a %}' }, { QueryLanguage: 'JSONata' }) },
  { code: 'asl/jsonata-top-level-reference', fires: one({ Type: 'Pass', Output: '{% phone %}' }, { QueryLanguage: 'JSONata' }), passes: one({ Type: 'Pass', Output: '{% $states.input.items[phone > 3] %}' }, { QueryLanguage: 'JSONata' }) },
  { code: 'asl/jsonata-states-unavailable', fires: one({ Type: 'Task', Resource: LAMBDA, Arguments: { a: '{% $states.result %}' } }, { QueryLanguage: 'JSONata' }), passes: one({ Type: 'Task', Resource: LAMBDA, Output: { a: '{% $states.result %}' } }, { QueryLanguage: 'JSONata' }) },
  { code: 'asl/jsonata-result-unavailable', fires: one({ Type: 'Wait', Seconds: 1, Output: '{% $states.result %}' }, { QueryLanguage: 'JSONata' }), passes: one({ Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, Output: '{% $states.result %}' }, { QueryLanguage: 'JSONata' }) },
  { code: 'asl/jsonata-unterminated', fires: one({ Type: 'Pass', Output: '{% 1 + 1' }, { QueryLanguage: 'JSONata' }), passes: one({ Type: 'Pass', Output: ' {% 1 + 1' }, { QueryLanguage: 'JSONata' }) },
  { code: 'asl/jsonata-in-jsonpath-state', fires: one({ Type: 'Pass', Parameters: { a: '{% 1 %}' } }), passes: one({ Type: 'Pass', QueryLanguage: 'JSONata', Output: { a: '{% 1 %}' } }) },
  { code: 'asl/invalid-resource', fires: one({ Type: 'Task', Resource: 'my-function' }), passes: one({ Type: 'Task', Resource: '${MyFunctionArn}' }) },
  { code: 'asl/unsupported-integration-pattern', fires: one({ Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:ecs:runTask.sync' }), passes: one({ Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync' }) },
  { code: 'asl/express-unsupported', type: 'EXPRESS', fires: one({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken' }), passes: one({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke' }) },
  { code: 'asl/heartbeat-not-below-timeout', fires: one({ Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 10, HeartbeatSeconds: 20 }), passes: one({ Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 20, HeartbeatSeconds: 10 }) },
  { code: 'asl/exclusive-fields', fires: one({ Type: 'Fail', Cause: 'x', CausePath: '$.c' }), passes: one({ Type: 'Fail', Cause: 'x', ErrorPath: '$.e' }) },
  { code: 'asl/wait-duration', fires: one({ Type: 'Wait', SecondsPath: '$.s', TimestampPath: '$.t' }), passes: one({ Type: 'Wait', SecondsPath: '$.s' }) },
  { code: 'asl/invalid-timestamp', fires: one({ Type: 'Wait', Timestamp: '2026-01-01t00:00:00z' }), passes: one({ Type: 'Wait', Timestamp: '2026-01-01T00:00:00Z' }) },
  { code: 'asl/choice-rule-operator', fires: one({ Type: 'Choice', Choices: [{ Variable: '$.a', StringEquals: 'x', IsPresent: true, Next: 'Done' }] }), passes: one({ Type: 'Choice', Choices: [{ And: [{ Variable: '$.a', StringEquals: 'x' }, { Variable: '$.a', IsPresent: true }], Next: 'Done' }] }) },
  { code: 'asl/choice-rule-next', fires: one({ Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true }], Default: 'Done' }), passes: one({ Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Done' }] }) },
  { code: 'asl/states-all-position', fires: one({ Type: 'Task', Resource: LAMBDA, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }, { ErrorEquals: ['X'], Next: 'Done' }] }), passes: one({ Type: 'Task', Resource: LAMBDA, Catch: [{ ErrorEquals: ['X'], Next: 'Done' }, { ErrorEquals: ['States.ALL'], Next: 'Done' }] }) },
  { code: 'asl/unknown-error-name', fires: one({ Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['States.Timeouts'] }] }), passes: one({ Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['States.Timeout', 'Custom.Error'] }] }) },
  { code: 'asl/empty-branches', fires: one({ Type: 'Parallel', Branches: [] }), passes: one({ Type: 'Parallel', Branches: [{ StartAt: 'X', States: { X: { Type: 'Succeed' } } }] }) },
  { code: 'asl/invalid-label', fires: one(distributedMap({ Label: 'a:b' })), passes: one(distributedMap({ Label: 'a-b_c' })) },
  { code: 'asl/duplicate-label', fires: machine({ A: { ...distributedMap({ Label: 'L' }), Next: 'B' }, B: { ...distributedMap({ Label: 'L' }), End: true } }), passes: machine({ A: { ...distributedMap({ Label: 'L1' }), Next: 'B' }, B: { ...distributedMap({ Label: 'L2' }), End: true } }) },
  { code: 'asl/item-batcher-size', fires: one(distributedMap({ ItemBatcher: {} })), passes: one(distributedMap({ ItemBatcher: { MaxItemsPerBatchPath: '$.n' } })) },
  { code: 'asl/distributed-map-only', fires: one({ Type: 'Map', ToleratedFailureCount: 1, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } } }), passes: one(distributedMap({ ToleratedFailureCount: 1 })) },
  { code: 'asl/distributed-map-execution-type', fires: one({ Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'I', States: { I: { Type: 'Pass', End: true } } } }), passes: one(distributedMap({})) },
  { code: 'asl/placeholder-not-a-number', format: 'yaml', fires: 'StartAt: W\nStates:\n  W:\n    Type: Wait\n    Seconds: ${Delay}\n    End: true\n', passes: 'StartAt: W\nStates:\n  W:\n    Type: Wait\n    Seconds: 5\n    Comment: ${Delay}\n    End: true\n' },
  { code: 'asl/definition-too-large', fires: one({ Type: 'Pass', Result: 'x'.repeat(1_048_600) }), passes: one({ Type: 'Pass', Result: 'x'.repeat(1_048_000) }) },
];

describe('ASL rules: each fires, and a neighbouring definition does not', () => {
  for (const c of cases) {
    it(c.code, () => {
      const fired = lint(c.fires, c);
      assert.ok(fired.some((f) => f.code === c.code), `expected ${c.code}, got:\n${fired.map((f) => `${f.code} ${f.message}`).join('\n')}`);
      const quiet = lint(c.passes, c);
      assert.ok(!quiet.some((f) => f.code === c.code), `did not expect ${c.code}:\n${quiet.map((f) => `${f.code} ${f.message}`).join('\n')}`);
      assert.deepEqual(quiet.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`), [], 'the neighbouring definition is valid');
    });
  }

  it('covers every documented rule except the internal-error guard', () => {
    const tested = new Set(cases.map((c) => c.code));
    const untested = RULES.map((r) => r.code).filter((code) => !tested.has(code) && code !== 'asl/internal-error');
    assert.deepEqual(untested, []);
  });

  it('reports each rule with the severity its documentation gives', () => {
    const severities = new Map(RULES.map((r) => [r.code, r.severity]));
    for (const c of cases) for (const f of lint(c.fires, c)) if (severities.has(f.code)) assert.equal(f.severity, severities.get(f.code), f.code);
  });
});
