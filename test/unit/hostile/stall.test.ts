// An endpoint that accepts connections and never answers: `deploy` gives up after --request-timeout
// (retried as the SDK retries) instead of hanging for ever, and Ctrl-C aborts the request in flight,
// still prints the summary, and exits 130. Run as a real process, as CI runs it.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '../../..');

/** Reads every request and answers none. */
class StalledEndpoint {
  requests = 0;
  private readonly sockets = new Set<Socket>();
  private readonly waiters: (() => void)[] = [];
  private readonly server: Server = createServer((socket) => {
    this.sockets.add(socket);
    socket.on('data', (d) => {
      if (d.toString('latin1').includes('HTTP/1.1')) {
        this.requests++;
        for (const w of this.waiters.splice(0)) w();
      }
    });
    socket.on('error', () => undefined);
  });

  async listen(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  firstRequest(): Promise<void> {
    return this.requests > 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }

  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((r) => this.server.close(() => r()));
  }
}

function cli(cwd: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, join(ROOT, 'src/cli.ts'), ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((r) => {
    const started = Date.now();
    child.on('close', (code) => r({ code, stdout, stderr, ms: Date.now() - started }));
  });
  return { child, done };
}

describe('a stalled endpoint (timeouts and cancellation, as a real process)', function () {
  this.timeout(120_000);
  let endpoint: StalledEndpoint;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    endpoint = new StalledEndpoint();
    const url = await endpoint.listen();
    dir = mkdtempSync(join(tmpdir(), 'aws-workflows-stall-'));
    writeFileSync(join(dir, 'aws-workflows.yaml'), 'activities:\n  approve: {}\n');
    env = {
      NODE_PATH: join(ROOT, 'node_modules'), HOME: dir, AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: url, CI: 'true',
    };
  });
  after(async () => {
    await endpoint?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives up after --request-timeout, retried as the SDK retries, and exits 1 with a sentence', async () => {
    endpoint.requests = 0;
    const { done } = cli(dir, ['deploy', '--yes', '--request-timeout', '1'], env);
    const r = await done;
    assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /activity\s+approve\s+failed/);
    assert.match(r.stdout, /could not reach http:\/\/127\.0\.0\.1:\d+/);
    // The SDK's standard mode: three attempts, each ended by the timeout.
    assert.equal(endpoint.requests, 3);
    assert.doesNotMatch(`${r.stdout}${r.stderr}`, /\n\s+at .+:\d+:\d+/);
  });

  it('Ctrl-C aborts the request in flight, prints the summary and exits 130', async () => {
    endpoint.requests = 0;
    const { child, done } = cli(dir, ['deploy', '--yes'], env);
    await endpoint.firstRequest();
    child.kill('SIGINT');
    const r = await done;
    assert.equal(r.code, 130, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /activity\s+approve\s+cancelled/);
    assert.match(r.stdout, /^1 cancelled\.$/m);
    // Aborted, not retried: the default 60 s timeout never came into it.
    assert.equal(endpoint.requests, 1);
  });

  it('refuses a --request-timeout that is not a positive number', async () => {
    const r = await cli(dir, ['deploy', '--request-timeout', '0'], env).done;
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--request-timeout takes a number of seconds greater than 0/);
  });
});
