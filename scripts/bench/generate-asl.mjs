// Generates realistic Amazon States Language definitions for the lint benchmark: a chain of
// patterns seen in real workflows (Lambda tasks with Retry/Catch and intrinsics, Choice rules,
// Waits, JSONata tasks, inline and distributed Maps, Parallel branches), deterministic, sized
// to a target character count. Usage:
//   node scripts/bench/generate-asl.mjs [outDir]   → asl-100.json/.yaml, asl-1400.json/.yaml
// or import { generateAsl } from './generate-asl.mjs'.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';

/** A deterministic pseudo-random generator (mulberry32); the fuzz tests use it too. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const retry = () => [
  { ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2, JitterStrategy: 'FULL' },
  { ErrorEquals: ['States.Timeout'], IntervalSeconds: 5, MaxAttempts: 2, BackoffRate: 1.5, MaxDelaySeconds: 60, Comment: 'Slow downstream' },
];

/** Each pattern returns { states: {name: state}, count } with its first state named `name`. */
const patterns = {
  lambdaTask(name, next, i) {
    return {
      [name]: {
        Type: 'Task',
        Comment: '',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: {
          FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:order-step-${i % 17}:$LATEST`,
          Payload: {
            'orderId.$': '$.order.id',
            'requestId.$': 'States.UUID()',
            'customer.$': '$.order.customer',
            'summary.$': "States.Format('Order {} for {} items', $.order.id, $.order.itemCount)",
            'merged.$': 'States.JsonMerge($.defaults, $.overrides, false)',
            'execution.$': '$$.Execution.Id',
            stage: `step-${i}`,
          },
        },
        ResultSelector: { 'status.$': '$.Payload.status', 'body.$': '$.Payload.body', 'count.$': 'States.ArrayLength($.Payload.items)' },
        ResultPath: `$.results.step${i}`,
        TimeoutSeconds: 300,
        HeartbeatSeconds: 60,
        Retry: retry(),
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'HandleFailure', ResultPath: '$.error', Comment: 'Record and fail' }],
        Next: next,
      },
    };
  },
  choice(name, next, i) {
    return {
      [name]: {
        Type: 'Choice',
        Comment: '',
        Choices: [
          { And: [{ Variable: '$.order.total', NumericGreaterThan: 1000 }, { Variable: '$.order.priority', StringEquals: 'HIGH' }], Next: next, Comment: 'Big priority order' },
          { Not: { Variable: '$.order.country', StringMatches: 'U*' }, Next: next },
          { Or: [{ Variable: '$.order.flags.express', BooleanEquals: true }, { Variable: `$.results.step${i}`, IsPresent: false }], Next: next },
          { Variable: '$.order.placedAt', TimestampLessThanPath: '$$.Execution.StartTime', Next: next },
        ],
        Default: next,
      },
    };
  },
  wait(name, next, i) {
    return { [name]: { Type: 'Wait', Comment: '', Seconds: (i % 5) * 2, Next: next } };
  },
  pass(name, next, i) {
    return {
      [name]: {
        Type: 'Pass',
        Comment: '',
        Parameters: { 'items.$': "States.ArrayPartition($.order.items, 5)", 'hash.$': "States.Hash($.order.id, 'SHA-256')", 'range.$': 'States.ArrayRange(1, 9, 2)', label: `pass-${i}` },
        ResultPath: '$.prepared',
        Assign: { [`lastStep${i % 9}`]: `pass-${i}`, 'orderRef.$': '$.order.id' },
        Next: next,
      },
    };
  },
  jsonataTask(name, next, i) {
    return {
      [name]: {
        Type: 'Task',
        QueryLanguage: 'JSONata',
        Comment: '',
        Resource: 'arn:aws:states:::dynamodb:putItem',
        Arguments: {
          TableName: '${OrdersTable}',
          Item: {
            pk: { S: `{% 'ORDER#' & $states.input.order.id %}` },
            total: { N: `{% $string($sum($states.input.order.items.(price * quantity)) + ${i % 13}) %}` },
            tags: { SS: '{% $distinct($states.input.order.items.category) %}' },
            at: { S: '{% $now() %}' },
          },
        },
        Output: `{% $merge([$states.input, {'saved${i % 7}': $states.result.SdkHttpMetadata.HttpStatusCode = 200}]) %}`,
        Assign: { savedAt: '{% $millis() %}', [`count${i % 11}`]: '{% $count($states.input.order.items[price > 10]) %}' },
        Retry: [{ ErrorEquals: ['DynamoDB.ProvisionedThroughputExceededException'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'HandleFailure', Output: '{% $merge([$states.input, {"error": $states.errorOutput}]) %}' }],
        Next: next,
      },
    };
  },
  inlineMap(name, next, i) {
    return {
      [name]: {
        Type: 'Map',
        Comment: '',
        ItemsPath: '$.order.items',
        ItemSelector: { 'item.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'orderId.$': '$.order.id' },
        MaxConcurrency: 10,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: `${name} Price`,
          States: {
            [`${name} Price`]: { Type: 'Task', Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:price-item`, Retry: retry().slice(0, 1), Next: `${name} Done` },
            [`${name} Done`]: { Type: 'Succeed' },
          },
        },
        ResultPath: `$.priced${i}`,
        Next: next,
      },
    };
  },
  distributedMap(name, next, i) {
    return {
      [name]: {
        Type: 'Map',
        Comment: '',
        Label: `Batch${i}`,
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 100000 }, Parameters: { Bucket: '${DataBucket}', 'Key.$': '$.manifestKey' } },
        ItemBatcher: { MaxItemsPerBatch: 100, MaxInputBytesPerBatch: 262144, BatchInput: { 'runId.$': '$$.Execution.Name' } },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: '${ResultsBucket}', Prefix: `runs/${i}` }, WriterConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' } },
        MaxConcurrency: 500,
        ToleratedFailurePercentage: 2.5,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: `${name} Transform`,
          States: {
            [`${name} Transform`]: {
              Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke',
              Parameters: { FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:transform`, 'Payload.$': '$' },
              OutputPath: '$.Payload', Next: `${name} Check`,
            },
            [`${name} Check`]: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: `${name} Ok` }], Default: `${name} Bad` },
            [`${name} Ok`]: { Type: 'Succeed' },
            [`${name} Bad`]: { Type: 'Fail', Error: 'TransformFailed', CausePath: "States.Format('Row {} failed', $.row)" },
          },
        },
        ResultPath: null,
        Next: next,
      },
    };
  },
  parallel(name, next, i) {
    const branch = (b) => ({
      StartAt: `${name} B${b} Notify`,
      States: {
        [`${name} B${b} Notify`]: {
          Type: 'Task', Resource: 'arn:aws:states:::sns:publish',
          Parameters: { TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:orders-${b}`, 'Message.$': 'States.JsonToString($.order)' },
          Next: `${name} B${b} Wait`,
        },
        [`${name} B${b} Wait`]: { Type: 'Wait', SecondsPath: '$.delay', End: true },
      },
    });
    return {
      [name]: {
        Type: 'Parallel', Comment: '', Branches: [branch(1), branch(2)], ResultPath: `$.parallel${i}`,
        Retry: [{ ErrorEquals: ['States.BranchFailed'], MaxAttempts: 1 }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'HandleFailure', ResultPath: '$.error' }],
        Next: next,
      },
    };
  },
};

// Weighted like real definitions: mostly tasks, some control flow, a few Maps and Parallels.
const MIX = [
  ['lambdaTask', 1], ['choice', 1], ['jsonataTask', 1], ['pass', 1], ['wait', 1], ['lambdaTask', 1], ['inlineMap', 3],
  ['jsonataTask', 1], ['parallel', 5], ['lambdaTask', 1], ['distributedMap', 5], ['choice', 1],
];

function countStates(states) {
  let n = 0;
  for (const s of Object.values(states)) {
    n++;
    if (s.ItemProcessor) n += countStates(s.ItemProcessor.States);
    if (s.Branches) for (const b of s.Branches) n += countStates(b.States);
  }
  return n;
}

function build(stateCount, commentLength, seed) {
  const rnd = random(seed);
  const states = {};
  let total = 2; // Done + HandleFailure
  let i = 0;
  const names = [];
  const plan = [];
  while (true) {
    const [kind, size] = MIX[i % MIX.length];
    if (total + size > stateCount) {
      if (total + 1 > stateCount) break;
      plan.push('wait');
      total += 1;
    } else {
      plan.push(kind);
      total += size;
    }
    names.push(`${String(i + 1).padStart(4, '0')} ${plan[i]}`);
    i++;
  }
  const words = ['order', 'customer', 'invoice', 'shipment', 'retry', 'audit', 'payment', 'inventory', 'notify', 'ledger'];
  plan.forEach((kind, k) => {
    const next = k + 1 < plan.length ? names[k + 1] : 'Done';
    const generated = patterns[kind](names[k], next, k);
    const state = generated[names[k]];
    let comment = '';
    while (comment.length < commentLength) comment += `${words[Math.floor(rnd() * words.length)]} `;
    state.Comment = comment.slice(0, commentLength).trim() || `Step ${k}`;
    Object.assign(states, generated);
  });
  states.Done = { Type: 'Succeed', Comment: 'All steps finished' };
  states.HandleFailure = { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' };
  return {
    Comment: `Generated benchmark definition with ${stateCount} states`,
    StartAt: names[0] ?? 'Done',
    TimeoutSeconds: 86400,
    States: states,
  };
}

function render(definition, format) {
  return format === 'json' ? JSON.stringify(definition, null, 2) : stringify(definition, { lineWidth: 0 });
}

/**
 * A definition with `stateCount` states (nested ones included) whose text is close to
 * `targetChars` characters (padding goes into state comments, like real documentation).
 */
export function generateAsl(stateCount, { format = 'json', targetChars, seed = 42 } = {}) {
  let commentLength = 0;
  let text = render(build(stateCount, 0, seed), format);
  if (targetChars && text.length < targetChars) {
    const topLevel = Object.keys(build(stateCount, 0, seed).States).length;
    commentLength = Math.max(0, Math.floor((targetChars - text.length) / topLevel));
    text = render(build(stateCount, commentLength, seed), format);
    while (text.length > targetChars && commentLength > 0) {
      commentLength -= Math.max(1, Math.ceil((text.length - targetChars) / topLevel));
      text = render(build(stateCount, Math.max(0, commentLength), seed), format);
    }
  }
  const definition = build(stateCount, Math.max(0, commentLength), seed);
  return { text, states: countStates(definition.States) };
}

/** The benchmark inputs: 100 states (~70 KB) and 1,400 states (just under 1 MiB), JSON and YAML. */
export function benchInputs() {
  const out = [];
  for (const [count, target] of [[100, 70_000], [1400, 1_040_000]]) {
    for (const format of ['json', 'yaml']) {
      const { text, states } = generateAsl(count, { format, targetChars: target });
      out.push({ name: `asl-${count}.${format}`, format, states, text });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2] ?? path.join(process.cwd(), '.cache', 'bench');
  mkdirSync(outDir, { recursive: true });
  for (const input of benchInputs()) {
    writeFileSync(path.join(outDir, input.name), input.text);
    console.log(`${input.name}: ${input.states} states, ${input.text.length.toLocaleString('en-US')} characters`);
  }
}
