import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { OPERATIONS, ValidationException, ThrottlingException, deserialize, errorTypeName, EXCEPTIONS, MwaaServerlessClient } from '../../../src/aws/mwaaServerless';
import { DEFAULT_RETRY, backoffDelay, classifyForRetry } from '../../../src/aws/retry';

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

describe('retry policy', () => {
  it('retries throttling, 5xx and dropped connections, never other 4xx', () => {
    assert.equal(classifyForRetry(new ThrottlingException('x', { httpStatusCode: 429 })), 'throttling');
    assert.equal(classifyForRetry({ name: 'X', $metadata: { httpStatusCode: 503 } }), 'server');
    assert.equal(classifyForRetry(Object.assign(new Error('reset'), { code: 'ECONNRESET' })), 'transient');
    assert.equal(classifyForRetry(new ValidationException('x', { httpStatusCode: 400 })), 'none');
    assert.equal(classifyForRetry({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }), 'none');
    assert.equal(classifyForRetry({ name: 'ConflictException', $metadata: { httpStatusCode: 409 } }), 'none');
  });

  it('backs off exponentially with full jitter, capped, and waits at least RetryAfterSeconds', () => {
    const top = { ...DEFAULT_RETRY, random: () => 0.999999 };
    assert.equal(backoffDelay(top, 1, 'server'), 199);
    assert.equal(backoffDelay(top, 2, 'server'), 399);
    assert.equal(backoffDelay(top, 1, 'throttling'), 999);
    assert.equal(backoffDelay({ ...top, random: () => 0 }, 3, 'server'), 0);
    assert.equal(backoffDelay(top, 30, 'server'), 19_999);
    assert.equal(backoffDelay({ ...top, random: () => 0 }, 1, 'throttling', 7), 7000);
    assert.equal(backoffDelay({ ...top, random: () => 0 }, 1, 'throttling', 3600), 60_000);
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
