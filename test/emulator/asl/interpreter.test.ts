// The interpreter against a table of cases per state type and query language: input → output or error.
import assert from 'node:assert/strict';
import { EventThread, type HistoryEvent } from './history';
import { ExecutionFailed, Interpreter, type Definition, type InterpreterHost } from './interpreter';
import type { Json } from './jsonpath';
import { MockBook, type MockFile } from './mocks';

interface Outcome {
  output?: Json;
  error?: string;
  cause?: string;
  events: HistoryEvent[];
}

async function run(definition: Definition, input: Json, mocks: MockFile = {}, host: Partial<InterpreterHost> = {}): Promise<Outcome> {
  const book = new MockBook(mocks, 'the test mocks');
  const events: HistoryEvent[] = [];
  const interpreter = new Interpreter(definition, {
    host: {
      timeScale: 0,
      invokeTask: async (call) => book.answer(call.stateName, call.resource),
      readItems: () => [],
      startMapRun: () => {
        throw new Error('no map runs here');
      },
      ...host,
    },
    context: { Execution: { Id: 'arn:aws:states:us-east-1:000000000000:execution:M:e', Input: input, Name: 'e', RoleArn: 'arn:aws:iam::000000000000:role/R', StartTime: '2026-01-01T00:00:00.000Z', RedriveCount: 0 }, StateMachine: { Id: 'arn:aws:states:us-east-1:000000000000:stateMachine:M', Name: 'M' } },
    signal: new AbortController().signal,
    completed: {},
  });
  try {
    const output = await interpreter.run(input, new EventThread({ events }, 0));
    return { output, events };
  } catch (e) {
    if (e instanceof ExecutionFailed) return { error: e.failure.error, cause: e.failure.cause, events };
    throw e;
  }
}

const one = (state: Record<string, Json>, language?: 'JSONata'): Definition => ({ StartAt: 'S', States: { S: { ...state, ...(state.Type === 'Succeed' || state.Type === 'Fail' || state.Type === 'Choice' ? {} : { End: true }) } as never }, ...(language ? { QueryLanguage: language } : {}) });

interface Case {
  name: string;
  definition: Definition;
  input: Json;
  mocks?: MockFile;
  output?: Json;
  error?: string;
  cause?: RegExp;
}

const LAMBDA = 'arn:aws:states:::lambda:invoke';

const JSONPATH_CASES: Case[] = [
  { name: 'Pass: Result with ResultPath merges into the input', definition: one({ Type: 'Pass', Result: { b: 2 }, ResultPath: '$.r' }), input: { a: 1 }, output: { a: 1, r: { b: 2 } } },
  { name: 'Pass: InputPath, Parameters with paths, context and intrinsics, OutputPath', definition: one({ Type: 'Pass', InputPath: '$.order', Parameters: { 'id.$': '$.id', 'exec.$': '$$.Execution.Name', 'msg.$': "States.Format('order {} of {}', $.id, $.qty)", fixed: 'x' }, OutputPath: '$' }), input: { order: { id: 'o1', qty: 3 } }, output: { id: 'o1', exec: 'e', msg: 'order o1 of 3', fixed: 'x' } },
  { name: 'Pass: ResultPath null keeps the input; OutputPath null gives {}', definition: { StartAt: 'A', States: { A: { Type: 'Pass', Result: 1, ResultPath: null, Next: 'B' }, B: { Type: 'Pass', OutputPath: null, End: true } } as never }, input: { k: 1 }, output: {} },
  { name: 'Pass: a missing InputPath is States.Runtime naming the field', definition: one({ Type: 'Pass', InputPath: '$.nope' }), input: {}, error: 'States.Runtime', cause: /'\$\.nope' specified for the field 'InputPath'/ },
  { name: 'Pass: filters and wildcards answer lists', definition: one({ Type: 'Pass', Parameters: { 'big.$': '$.items[?(@.n > 1)].n', 'all.$': '$.items[*].n' } }), input: { items: [{ n: 1 }, { n: 2 }, { n: 3 }] }, output: { big: [2, 3], all: [1, 2, 3] } },
  { name: 'Pass: intrinsics (Array, ArrayLength, ArrayRange, JsonMerge, StringSplit, Hash, Base64)', definition: one({ Type: 'Pass', Parameters: { 'a.$': 'States.Array(1, $.x)', 'len.$': 'States.ArrayLength($.list)', 'range.$': 'States.ArrayRange(1, 9, 4)', 'merged.$': 'States.JsonMerge($.p, $.q, false)', 'parts.$': "States.StringSplit('a,b;c', ',;')", 'md5.$': "States.Hash('abc', 'MD5')", 'b64.$': "States.Base64Encode('hi')", 'part.$': 'States.ArrayPartition($.list, 2)', 'has.$': 'States.ArrayContains($.list, 3)', 'uniq.$': 'States.ArrayUnique(States.Array(1, 1, 2))', 'sum.$': 'States.MathAdd($.x, -1)', 'json.$': 'States.StringToJson(\'{"k":1}\')', 'str.$': 'States.JsonToString($.p)', 'item.$': 'States.ArrayGetItem($.list, 0)' } }), input: { x: 7, list: [1, 2, 3], p: { a: 1 }, q: { b: 2 } }, output: { a: [1, 7], len: 3, range: [1, 5, 9], merged: { a: 1, b: 2 }, parts: ['a', 'b', 'c'], md5: '900150983cd24fb0d6963f7d28e17f72', b64: 'aGk=', part: [[1, 2], [3]], has: true, uniq: [1, 2], sum: 6, json: { k: 1 }, str: '{"a":1}', item: 1 } },
  { name: 'Pass: an intrinsic failure is States.IntrinsicFailure', definition: one({ Type: 'Pass', Parameters: { 'v.$': 'States.ArrayGetItem($.list, 5)' } }), input: { list: [1] }, error: 'States.IntrinsicFailure', cause: /out of bounds/ },
  { name: 'Pass: variables are assigned and read by the next state', definition: { StartAt: 'A', States: { A: { Type: 'Pass', Assign: { 'total.$': '$.n', label: 'L' }, Next: 'B' }, B: { Type: 'Pass', Parameters: { 't.$': '$total', 'l.$': '$label' }, End: true } } as never }, input: { n: 5 }, output: { t: 5, l: 'L' } },
  { name: 'Task: mocked result through ResultSelector and ResultPath', definition: one({ Type: 'Task', Resource: LAMBDA, Parameters: { 'FunctionName': 'f', 'Payload.$': '$' }, ResultSelector: { 'value.$': '$.Payload.v' }, ResultPath: '$.out' }), input: { a: 1 }, mocks: { S: { result: { Payload: { v: 42 } } } }, output: { a: 1, out: { value: 42 } } },
  { name: 'Task: mocks are also found by resource', definition: one({ Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage' }), input: {}, mocks: { 'arn:aws:states:::sqs:sendMessage': { result: { MessageId: 'm' } } }, output: { MessageId: 'm' } },
  { name: 'Task: a missing mock is States.TaskFailed naming the state and resource', definition: one({ Type: 'Task', Resource: LAMBDA }), input: {}, error: 'States.TaskFailed', cause: /No mock for the state 'S' or its resource 'arn:aws:states:::lambda:invoke'/ },
  { name: 'Task: Retry then succeed with the next mock in the list', definition: one({ Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 2 }] }), input: {}, mocks: { S: [{ errorOutput: { error: 'Flaky', cause: 'once' } }, { result: 'ok' }] }, output: 'ok' },
  { name: 'Task: retries run out, then Catch with ResultPath', definition: { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }], Catch: [{ ErrorEquals: ['Boom'], ResultPath: '$.err', Next: 'H' }], End: true }, H: { Type: 'Pass', End: true } } as never }, input: { a: 1 }, mocks: { T: { errorOutput: { error: 'Boom', cause: 'bad' } } }, output: { a: 1, err: { Error: 'Boom', Cause: 'bad' } } },
  { name: 'Task: States.ALL does not catch States.Runtime', definition: { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, InputPath: '$.missing', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }], End: true }, H: { Type: 'Pass', End: true } } as never }, input: {}, mocks: { T: { result: 1 } }, error: 'States.Runtime' },
  { name: 'Choice: string, numeric, And/Not, IsPresent and Default', definition: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ And: [{ Variable: '$.kind', StringEquals: 'big' }, { Not: { Variable: '$.n', NumericLessThan: 10 } }], Next: 'Big' }, { Variable: '$.missing', IsPresent: true, Next: 'Never' }, { Variable: '$.name', StringMatches: 'a*z', Next: 'AZ' }], Default: 'Other' }, Big: { Type: 'Pass', Result: 'big', End: true }, Never: { Type: 'Fail' }, AZ: { Type: 'Pass', Result: 'az', End: true }, Other: { Type: 'Pass', Result: 'other', End: true } } as never }, input: { kind: 'small', n: 1, name: 'abcz' }, output: 'az' },
  { name: 'Choice: no rule and no Default is States.NoChoiceMatched', definition: one({ Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'S' }] }), input: { n: 2 }, error: 'States.NoChoiceMatched' },
  { name: 'Choice: timestamps compare as instants', definition: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.t', TimestampGreaterThanPath: '$.u', Next: 'Later' }], Default: 'Earlier' }, Later: { Type: 'Succeed' }, Earlier: { Type: 'Fail', Error: 'Earlier' } } as never }, input: { t: '2026-01-01T01:00:00+01:00', u: '2025-12-31T23:30:00Z' }, output: { t: '2026-01-01T01:00:00+01:00', u: '2025-12-31T23:30:00Z' } },
  { name: 'Wait: SecondsPath, then OutputPath', definition: one({ Type: 'Wait', SecondsPath: '$.s', OutputPath: '$.s' }), input: { s: 3 }, output: 3 },
  { name: 'Succeed: InputPath selects the output', definition: one({ Type: 'Succeed', InputPath: '$.a' }), input: { a: [1] }, output: [1] },
  { name: 'Fail: ErrorPath and CausePath (intrinsic)', definition: one({ Type: 'Fail', ErrorPath: '$.code', CausePath: "States.Format('failed: {}', $.why)" }), input: { code: 'E1', why: 'x' }, error: 'E1', cause: /^failed: x$/ },
  { name: 'Parallel: branch outputs in order, then ResultSelector', definition: one({ Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Result: 1, End: true } } }, { StartAt: 'B', States: { B: { Type: 'Pass', InputPath: '$.v', End: true } } }], ResultSelector: { 'first.$': '$[0]', 'second.$': '$[1]' } }), input: { v: 'x' }, output: { first: 1, second: 'x' } },
  { name: 'Parallel: a failing branch fails the state with its error, caught by Catch', definition: { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Fail', Error: 'Branch.Broke', Cause: 'c' } } }, { StartAt: 'B', States: { B: { Type: 'Wait', Seconds: 1, End: true } } }], Catch: [{ ErrorEquals: ['Branch.Broke'], Next: 'H' }], End: true }, H: { Type: 'Pass', End: true } } as never }, input: {}, output: { Error: 'Branch.Broke', Cause: 'c' } },
  { name: 'Map: ItemsPath, ItemSelector with the item context, MaxConcurrency', definition: one({ Type: 'Map', ItemsPath: '$.xs', MaxConcurrency: 2, ItemSelector: { 'i.$': '$$.Map.Item.Index', 'v.$': '$$.Map.Item.Value', 'k.$': '$.k' }, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } }), input: { xs: ['a', 'b', 'c'], k: 1 }, output: [{ i: 0, v: 'a', k: 1 }, { i: 1, v: 'b', k: 1 }, { i: 2, v: 'c', k: 1 }] },
  { name: 'Map: a failing iteration fails the Map with its error', definition: one({ Type: 'Map', ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } } }), input: [1, 2], mocks: { T: [{ result: 1 }, { errorOutput: { error: 'Item.Bad', cause: 'second' } }] }, error: 'Item.Bad' },
  { name: 'Map: ItemsPath that is not an array is States.Runtime', definition: one({ Type: 'Map', ItemsPath: '$.x', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } }), input: { x: 1 }, error: 'States.Runtime', cause: /must select an array/ },
];

const JSONATA_CASES: Case[] = [
  { name: 'Pass: Output and Assign with $states.input; variables in the next state', definition: { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Assign: { total: '{% $sum($states.input.xs) %}' }, Output: { n: '{% $count($states.input.xs) %}' }, Next: 'B' }, B: { Type: 'Pass', Output: '{% {"n": $states.input.n, "total": $total} %}', End: true } } as never }, input: { xs: [1, 2, 3] }, output: { n: 3, total: 6 } },
  { name: 'Task: Arguments, $states.result in Output, Assign', definition: one({ Type: 'Task', Resource: LAMBDA, Arguments: { Payload: '{% $states.input %}' }, Output: '{% $states.result.Payload.v * 2 %}' }, 'JSONata'), input: { a: 1 }, mocks: { S: { result: { Payload: { v: 21 } } } }, output: 42 },
  { name: 'Task: Catch Output with $states.errorOutput', definition: { QueryLanguage: 'JSONata', StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% {"failed": $states.errorOutput.Error, "in": $states.input.a} %}', Next: 'H' }], End: true }, H: { Type: 'Pass', End: true } } as never }, input: { a: 1 }, mocks: { T: { errorOutput: { error: 'E', cause: 'c' } } }, output: { failed: 'E', in: 1 } },
  { name: 'Task: a failing expression is States.QueryEvaluationError', definition: one({ Type: 'Pass', Output: '{% $states.input.a.b + "x" %}' }, 'JSONata'), input: { a: { b: 1 } }, error: 'States.QueryEvaluationError' },
  { name: 'Choice: Condition, rule Output and Default', definition: { QueryLanguage: 'JSONata', StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.n > 10 %}', Output: { size: 'big' }, Next: 'Done' }], Default: 'Small' }, Done: { Type: 'Succeed' }, Small: { Type: 'Pass', Output: { size: 'small' }, End: true } } as never }, input: { n: 11 }, output: { size: 'big' } },
  { name: 'Choice: a non-boolean Condition is States.QueryEvaluationError', definition: one({ Type: 'Choice', Choices: [{ Condition: '{% $states.input.n %}', Next: 'S' }] }, 'JSONata'), input: { n: 1 }, error: 'States.QueryEvaluationError' },
  { name: 'Wait: Seconds from an expression', definition: one({ Type: 'Wait', Seconds: '{% $states.input.s %}' }, 'JSONata'), input: { s: 2 }, output: { s: 2 } },
  { name: 'Fail: Error and Cause from expressions', definition: one({ Type: 'Fail', Error: '{% "Code." & $states.input.c %}', Cause: '{% $string($states.input) %}' }, 'JSONata'), input: { c: 'X' }, error: 'Code.X', cause: /^\{"c":"X"\}$/ },
  { name: 'Succeed: Output', definition: one({ Type: 'Succeed', Output: '{% $states.input.v %}' }, 'JSONata'), input: { v: [1] }, output: [1] },
  { name: 'Parallel: Arguments to branches; Output of the results', definition: one({ Type: 'Parallel', Arguments: '{% $states.input.v %}', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Output: '{% $states.input + 1 %}', End: true } } }, { StartAt: 'B', States: { B: { Type: 'Pass', Output: '{% $states.input * 10 %}', End: true } } }], Output: '{% $sum($states.result) %}' }, 'JSONata'), input: { v: 2 }, output: 23 },
  { name: 'Map: Items, ItemSelector with $states.context.Map.Item', definition: one({ Type: 'Map', Items: '{% $states.input.xs %}', ItemSelector: { i: '{% $states.context.Map.Item.Index %}', v: '{% $states.context.Map.Item.Value %}' }, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input.v & $states.input.i %}', End: true } } } }, 'JSONata'), input: { xs: ['a', 'b'] }, output: ['a0', 'b1'] },
  { name: 'Step Functions functions: $partition, $range, $hash, $parse', definition: one({ Type: 'Pass', Output: { p: '{% $partition([1,2,3], 2) %}', r: '{% $range(0, 4, 2) %}', h: '{% $hash("abc", "SHA-256") %}', j: '{% $parse("{\\"a\\":1}") %}' } }, 'JSONata'), input: {}, output: { p: [[1, 2], [3]], r: [0, 2, 4], h: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', j: { a: 1 } } },
];

describe('ASL interpreter: cases per state type', () => {
  for (const [language, cases] of [['JSONPath', JSONPATH_CASES], ['JSONata', JSONATA_CASES]] as const) {
    describe(language, () => {
      for (const c of cases) {
        it(c.name, async () => {
          const outcome = await run(c.definition, c.input, c.mocks);
          if (c.error) {
            assert.equal(outcome.error, c.error, `expected ${c.error}, got ${JSON.stringify(outcome)}`);
            if (c.cause) assert.match(outcome.cause ?? '', c.cause);
          } else {
            assert.equal(outcome.error, undefined, `unexpected ${outcome.error}: ${outcome.cause}`);
            assert.deepEqual(outcome.output, c.output);
          }
        });
      }
    });
  }
});

describe('ASL interpreter: history', () => {
  it('writes the model event types with linked ids for states, a Map and a Parallel (task events are the host\'s)', async () => {
    const definition: Definition = {
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: LAMBDA, Next: 'M' },
        M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, Next: 'P' },
        P: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Succeed' } } }], End: true },
      } as never,
    };
    const { events, output } = await run(definition, {}, { T: { result: [1] } });
    assert.deepEqual(output, [[1]]);
    assert.deepEqual(events.map((e) => e.type), [
      'TaskStateEntered', 'TaskStateExited',
      'MapStateEntered', 'MapStateStarted', 'MapIterationStarted', 'PassStateEntered', 'PassStateExited', 'MapIterationSucceeded', 'MapStateSucceeded', 'MapStateExited',
      'ParallelStateEntered', 'ParallelStateStarted', 'SucceedStateEntered', 'SucceedStateExited', 'ParallelStateSucceeded', 'ParallelStateExited',
    ]);
    events.forEach((e, i) => {
      assert.equal(e.id, i + 1);
      assert.ok((e.previousEventId ?? 0) < e.id);
    });
    assert.deepEqual(events[3].mapStateStartedEventDetails, { length: 1 });
    assert.deepEqual(events[4].mapIterationStartedEventDetails, { name: 'M', index: 0 });
    assert.equal((events[1].stateExitedEventDetails as { output: string }).output, '[1]');
    assert.equal(events[4].previousEventId, events[3].id, 'an iteration links to MapStateStarted');
  });

  it('records assigned variables on the state exited event', async () => {
    const { events } = await run(one({ Type: 'Pass', Assign: { x: 1 } }), {});
    assert.deepEqual((events.at(-1)!.stateExitedEventDetails as { assignedVariables: unknown }).assignedVariables, { x: '1' });
  });

  it('scales Retry back-off by the host time scale', async () => {
    const delays: number[] = [];
    const realSetTimeout = setTimeout;
    const spy = ((fn: () => void, ms: number) => {
      delays.push(ms);
      return realSetTimeout(fn, 0);
    }) as unknown as typeof setTimeout;
    globalThis.setTimeout = spy;
    try {
      await run(one({ Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 3, MaxDelaySeconds: 10 }] }), {}, { S: [{ errorOutput: { error: 'E' } }, { errorOutput: { error: 'E' } }, { errorOutput: { error: 'E' } }, { result: 1 }] }, { timeScale: 0.5 });
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    assert.deepEqual(delays, [1000, 3000, 5000]);
  });

  it('fails a task with the mock error name and cause', async () => {
    const outcome = await run(one({ Type: 'Task', Resource: LAMBDA }), {}, { S: { errorOutput: { error: 'Payment.Declined', cause: 'card expired' } } });
    assert.deepEqual([outcome.error, outcome.cause], ['Payment.Declined', 'card expired']);
  });
});
