// The emulator is also the user's sandbox (npm start): a web page the user visits must not reach
// its control endpoint, request bodies are capped before they are read, operation names are looked
// up in the model (never as object properties), and a failure is the service's own error shape.

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host, Origin and Content-Length can be whatever an attacker sends. */
function raw(port: number, options: { method: string; path: string; headers?: Record<string, string | number>; body?: Buffer | string; declaredLength?: number }): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: { ...options.headers, ...(options.declaredLength !== undefined ? { 'content-length': options.declaredLength } : {}) } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    if (options.body !== undefined) req.write(options.body);
    // A declared length larger than what is written leaves the request open, as a slow upload would.
    if (options.declaredLength === undefined) req.end();
  });
}

describe('hostile requests to the emulator (sandbox safety)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  const stateMachineCount = async () => {
    const state = (await (await fetch(`${emulator.controlUrl}/state`)).json()) as { regions: Record<string, { states: { stateMachines: Record<string, unknown> } }> };
    return Object.values(state.regions).reduce((n, r) => n + Object.keys(r.states?.stateMachines ?? {}).length, 0);
  };

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', quiet: true, maxBodyBytes: 1024 * 1024, maxS3ObjectBytes: 2 * 1024 * 1024 });
  });
  after(async () => {
    await emulator?.stop();
  });

  it('refuses a cross-origin text/plain POST that would reset the state', async () => {
    const before = await stateMachineCount();
    assert.ok(before > 0, 'the demo seed has state machines');
    const reply = await raw(emulator.port, { method: 'POST', path: '/_emulator/reset', headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: '{"seed":""}' });
    assert.equal(reply.status, 403);
    assert.match(reply.body, /web pages/);
    assert.equal(await stateMachineCount(), before);
  });

  it('refuses a POST from a loopback client that is not application/json', async () => {
    const reply = await raw(emulator.port, { method: 'POST', path: '/_emulator/faults', headers: { 'content-type': 'text/plain' }, body: '{"operation":"ListStateMachines","kind":"http500"}' });
    assert.equal(reply.status, 403);
    assert.equal(((await (await fetch(`${emulator.controlUrl}/faults`)).json()) as unknown[]).length, 0);
  });

  it('refuses a DNS-rebound request (a Host that is not a loopback name) for the state and the request log', async () => {
    for (const path of ['/_emulator/state', '/_emulator/requests']) {
      const reply = await raw(emulator.port, { method: 'GET', path, headers: { host: 'attacker.example:4566' } });
      assert.equal(reply.status, 403, path);
      assert.doesNotMatch(reply.body, /stateMachines|operation/);
    }
  });

  it('answers tests and tools: no Origin, a loopback Host, application/json', async () => {
    const reply = await raw(emulator.port, { method: 'POST', path: '/_emulator/faults', headers: { host: `localhost:${emulator.port}`, 'content-type': 'application/json' }, body: '{"operation":"ListStateMachines","kind":"http500"}' });
    assert.equal(reply.status, 200, reply.body);
    const fromLoopbackPage = await raw(emulator.port, { method: 'DELETE', path: '/_emulator/faults', headers: { origin: `http://127.0.0.1:${emulator.port}` } });
    assert.equal(fromLoopbackPage.status, 200);
  });

  it('refuses a body over the cap from its Content-Length, before reading it, in the service error shape', async () => {
    const before = process.memoryUsage().rss;
    const reply = await raw(emulator.port, {
      method: 'POST', path: '/',
      headers: { 'x-amz-target': 'AWSStepFunctions.ListStateMachines', 'content-type': 'application/x-amz-json-1.0' },
      body: Buffer.alloc(64 * 1024, 32), declaredLength: 1024 ** 3,
    });
    assert.equal(reply.status, 403, 'unsigned: the signature is refused first');
    const signedLooking = await raw(emulator.port, {
      method: 'POST', path: '/',
      headers: { 'x-amz-target': 'AWSStepFunctions.ListStateMachines', 'content-type': 'application/x-amz-json-1.0', authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/states/aws4_request, SignedHeaders=host;x-amz-date, Signature=00', 'x-amz-date': '20260101T000000Z' },
      body: Buffer.alloc(64 * 1024, 32), declaredLength: 1024 ** 3,
    });
    assert.equal(signedLooking.status, 413);
    assert.equal(JSON.parse(signedLooking.body).__type, 'ValidationException');
    assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'the gigabyte was never read');
  });

  it('checks an S3 upload signature before reading its body', async () => {
    const reply = await raw(emulator.port, {
      method: 'PUT', path: '/workflows-demo-definitions/big.bin',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=00', 'x-amz-date': '20260101T000000Z', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      body: Buffer.alloc(64 * 1024), declaredLength: 1024 ** 3,
    });
    assert.equal(reply.status, 403);
    assert.match(reply.body, /<Code>SignatureDoesNotMatch<\/Code>/);
  });

  it('routes only the model\'s operations: constructor, toString and __proto__ are unknown operations', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      for (const prefix of ['AWSStepFunctions', 'AmazonMWAAServerless']) {
        const reply = await raw(emulator.port, { method: 'POST', path: '/', headers: { 'x-amz-target': `${prefix}.${name}`, 'content-type': 'application/x-amz-json-1.0' }, body: '{}' });
        assert.equal(reply.status, 400, `${prefix}.${name}: ${reply.body}`);
        assert.equal(JSON.parse(reply.body).__type, 'UnknownOperationException');
      }
    }
  });

  it('answers a request it cannot handle with a JSON 500 and no stack trace', async () => {
    const reply = await raw(emulator.port, { method: 'GET', path: '//%zz' });
    assert.equal(reply.status, 500);
    assert.equal(JSON.parse(reply.body).__type, 'InternalFailure');
    assert.doesNotMatch(reply.body, /\bat .+:\d+:\d+|Error:/);
  });
});
