import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { OPERATIONS, ValidationException, ThrottlingException, deserialize, errorTypeName, EXCEPTIONS, MwaaServerlessClient } from '../../../src/aws/mwaaServerless';
import { RetryPolicy, abortError, retryErrorType } from '../../../src/aws/retry';

import { REFERENCE_DIR, describeWithReference } from '../../support/reference';

const model = REFERENCE_DIR ? JSON.parse(readFileSync(path.join(REFERENCE_DIR, 'aws-models', 'mwaa-serverless.json'), 'utf8')) : undefined;

describeWithReference('MWAA Serverless client model (against ../shared/reference)', () => {
  it('has every operation of the model, each as a camelCase method', () => {
    const ops = Object.keys(model.operations).sort();
    assert.equal(ops.length, 15);
    assert.deepEqual(Object.keys(OPERATIONS).sort(), ops);
    const client = new MwaaServerlessClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1', credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }) });
    for (const op of ops) assert.equal(typeof (client as unknown as Record<string, unknown>)[op[0].toLowerCase() + op.slice(1)], 'function', op);
    client.destroy();
  });

  it('fills the client token exactly where the model marks an idempotency token', () => {
    const withToken = Object.entries(OPERATIONS).filter(([, o]) => o.idempotencyToken).map(([n]) => n).sort();
    assert.deepEqual(withToken, ['CreateWorkflow', 'StartWorkflowRun']);
  });

  it('knows every exception of the model with its fault and retryability', () => {
    const modelErrors = Object.keys(model.shapes).filter((s) => model.shapes[s].exception).sort();
    assert.deepEqual(Object.keys(EXCEPTIONS).sort(), modelErrors);
    assert.deepEqual(EXCEPTIONS.ThrottlingException.retryable, { throttling: true });
    assert.equal(EXCEPTIONS.InternalServerException.fault, 'server');
    const v = new ValidationException('bad', { httpStatusCode: 400 }, { Reason: 'X', FieldList: [{ Name: 'Name', Message: 'm' }] });
    assert.equal(v.name, 'ValidationException');
    assert.ok(v instanceof ValidationException);
    assert.equal(v.Reason, 'X');
    assert.equal(v.$metadata.httpStatusCode, 400);
  });

  it('parses ISO-8601 timestamps (and epoch seconds) into Dates, deep in lists', () => {
    const out = deserialize('ListWorkflowsResponse', {
      Workflows: [{ WorkflowArn: 'arn', CreatedAt: '2026-11-22T01:02:03.456Z', ModifiedAt: 1700000000 }],
    }) as { Workflows: { CreatedAt: Date; ModifiedAt: Date }[] };
    assert.ok(out.Workflows[0].CreatedAt instanceof Date);
    assert.equal(out.Workflows[0].CreatedAt.toISOString(), '2026-11-22T01:02:03.456Z');
    assert.equal(out.Workflows[0].ModifiedAt.toISOString(), '2023-11-14T22:13:20.000Z');
    assert.throws(() => deserialize('ListWorkflowsResponse', { Workflows: 'nope' }), /should be a list/);
    assert.throws(() => deserialize('ListWorkflowsResponse', { Workflows: [{ CreatedAt: 'yesterday' }] }), /not a valid timestamp/);
  });

  it('reads the error type from __type or x-amzn-errortype in every form awsJson allows', () => {
    assert.equal(errorTypeName('ValidationException'), 'ValidationException');
    assert.equal(errorTypeName('com.amazonaws.mwaaserverless#ThrottlingException'), 'ThrottlingException');
    assert.equal(errorTypeName('ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws/'), 'ResourceNotFoundException');
    assert.equal(errorTypeName(undefined), undefined);
  });
});

describe('retry policy (@smithy/core standard strategy)', () => {
  const failing = (err: unknown) => async () => { throw err; };
  const recorder = () => {
    const sleeps: number[] = [];
    return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
  };

  it('classifies as the SDK does: throttling, 5xx and dropped connections retry, other 4xx and cancels never', () => {
    assert.equal(retryErrorType(new ThrottlingException('x', { httpStatusCode: 429 })), 'THROTTLING');
    assert.equal(retryErrorType({ name: 'X', $metadata: { httpStatusCode: 503 } }), 'TRANSIENT');
    assert.equal(retryErrorType(Object.assign(new Error('reset'), { code: 'ECONNRESET' })), 'TRANSIENT');
    assert.equal(retryErrorType(new ValidationException('x', { httpStatusCode: 400 })), 'CLIENT_ERROR');
    assert.equal(retryErrorType({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }), 'CLIENT_ERROR');
    assert.equal(retryErrorType({ name: 'ConflictException', $metadata: { httpStatusCode: 409 } }), 'CLIENT_ERROR');
    assert.equal(retryErrorType(abortError()), 'CLIENT_ERROR');
  });

  it('makes maxAttempts attempts for a retryable error and one for any other', async () => {
    const r = recorder();
    const policy = new RetryPolicy({ sleep: r.sleep });
    let attempts = 0;
    const throttled = new ThrottlingException('x', { httpStatusCode: 429 });
    await assert.rejects(policy.run(async (n) => { attempts = n; throw throttled; }), (e) => e === throttled);
    assert.equal(attempts, 3);
    assert.equal(r.sleeps.length, 2);
    // Full jitter over the strategy's throttling base (1 s in @smithy/core 3): below base·2^retry.
    assert.ok(r.sleeps[0] < 1000 && r.sleeps[1] < 2000, String(r.sleeps));
    await assert.rejects(policy.run(async (n) => { attempts = n; throw new ValidationException('x', { httpStatusCode: 400 }); }));
    assert.equal(attempts, 1);
    assert.equal(await policy.run(async (n) => (n < 2 ? failing({ name: 'X', $metadata: { httpStatusCode: 500 } })() : 'ok')), 'ok');
  });

  it('waits at least RetryAfterSeconds, as the SDK caps it', async () => {
    const r = recorder();
    const policy = new RetryPolicy({ sleep: r.sleep, baseDelayMs: 0 });
    const err = Object.assign(new ThrottlingException('x', { httpStatusCode: 429 }), { RetryAfterSeconds: 2 });
    assert.equal(await policy.run(async (n) => { if (n === 1) throw err; return n; }), 2);
    assert.deepEqual(r.sleeps, [2000]);
    const long = Object.assign(new ThrottlingException('x', { httpStatusCode: 429 }), { RetryAfterSeconds: 3600 });
    await policy.run(async (n) => { if (n === 1) throw long; return n; });
    assert.equal(r.sleeps[1], 5000, 'a wait past backoff + 5 s is capped there');
  });

  it('stops retrying once the retry quota of the client is spent', async () => {
    const policy = new RetryPolicy({ sleep: async () => undefined, baseDelayMs: 0 });
    const counts: number[] = [];
    for (let call = 0; call < 40; call++) {
      let attempts = 0;
      await assert.rejects(policy.run(async (n) => { attempts = n; throw Object.assign(new Error('reset'), { code: 'ECONNRESET' }); }));
      counts.push(attempts);
    }
    assert.equal(counts[0], 3);
    assert.equal(counts[counts.length - 1], 1, `the quota never ran out: ${counts.join(',')}`);
    const spent = counts.indexOf(1);
    assert.ok(spent > 5, `ran out too early: ${counts.join(',')}`);
  });

  it('an abort during the wait ends the retries at once', async () => {
    const controller = new AbortController();
    const policy = new RetryPolicy();
    let attempts = 0;
    const run = policy.run(async (n) => {
      attempts = n;
      if (n === 1) setImmediate(() => controller.abort());
      throw new ThrottlingException('x', { httpStatusCode: 429 });
    }, { signal: controller.signal });
    await assert.rejects(run, (e: Error) => e.name === 'AbortError');
    assert.equal(attempts, 1);
  });
});

describe('src/aws boundaries', () => {
  const root = path.resolve(__dirname, '../../../src/aws');
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : [path.join(dir, f)]));

  it('never imports vscode (the CLI uses it too)', () => {
    for (const f of files(root)) assert.doesNotMatch(readFileSync(f, 'utf8'), /from ['"]vscode['"]|require\(['"]vscode['"]\)/, f);
  });

  it('reaches SDK code only through src/aws/sdk entry points loaded on first use', () => {
    for (const f of files(root).filter((x) => !x.includes(`${path.sep}sdk${path.sep}`))) {
      const text = readFileSync(f, 'utf8');
      const valueImports = text.match(/^import (?!type )[^;]*from ['"](@aws-sdk|@smithy|@aws-crypto)[^'"]*['"]/gm) ?? [];
      assert.deepEqual(valueImports, [], `${f} imports SDK code at load time`);
    }
  });
});
