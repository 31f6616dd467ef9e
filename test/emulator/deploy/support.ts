// A throwaway workspace (aws-workflows.yaml + definitions) and an AwsSession pointed at the
// emulator, for driving the deploy engine over real HTTP.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, promises as fsp, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CreateBucketCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { AwsSession } from '../../../src/aws/session';
import { MemoryLogger } from '../../../src/core/log';
import { loadManifest, targetsOf, type DeployOptions, type DeployTarget } from '../../../src/deploy/engine';
import { startEmulator, type RunningEmulator } from '../server';

export const REGION = 'us-east-1';
export const BUCKET = 'workflows-demo-artifacts';

export function emulatorEnv(emulator: RunningEmulator): NodeJS.ProcessEnv {
  return {
    AWS_ENDPOINT_URL: emulator.endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: REGION,
    // Never the developer's own profiles.
    AWS_CONFIG_FILE: join(tmpdir(), 'aws-workflows-no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), 'aws-workflows-no-credentials'),
  };
}

export function sessionFor(emulator: RunningEmulator, logger = new MemoryLogger()): AwsSession {
  return new AwsSession({ logger, env: emulatorEnv(emulator), retry: { baseDelayMs: 1, throttlingBaseDelayMs: 1 } });
}

/** One emulator (empty state) and a session on it for the enclosing mocha suite. */
export function useEmulator(): { readonly emulator: RunningEmulator; readonly session: AwsSession } {
  const suite = {} as { emulator: RunningEmulator; session: AwsSession };
  before(async () => {
    suite.emulator = await startEmulator({ port: 0, quiet: true });
    suite.session = sessionFor(suite.emulator);
  });
  after(async () => {
    suite.session?.dispose();
    await suite.emulator?.stop();
  });
  return suite;
}

export async function createBucket(emulator: RunningEmulator, bucket = BUCKET, versioned = true): Promise<void> {
  const s3 = new S3Client({ endpoint: emulator.endpoint, region: REGION, forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  if (versioned) await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  s3.destroy();
}

export class Workspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'aws-workflows-deploy-'));

  write(rel: string, text: string): this {
    const p = join(this.dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return this;
  }

  targets(): DeployTarget[] {
    const path = join(this.dir, 'aws-workflows.yaml');
    return targetsOf(loadManifest(path, readFileSync(path, 'utf8'), REGION), REGION);
  }

  target(name: string): DeployTarget {
    const t = this.targets().find((x) => x.name === name);
    if (!t) throw new Error(`no entry ${name}`);
    return t;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function options(session: AwsSession, extra: Partial<DeployOptions> = {}): DeployOptions {
  return {
    clients: session,
    files: { readText: (p) => fsp.readFile(p, 'utf8'), exists: async (p) => existsSync(p) },
    logger: new MemoryLogger(),
    ...extra,
  };
}

export interface LoggedRequest {
  service: string;
  operation: string;
  body: Record<string, unknown>;
}

export async function control<T>(emulator: RunningEmulator, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emulator.controlUrl}/${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const requests = (e: RunningEmulator, operation?: string) =>
  control<LoggedRequest[]>(e, 'GET', 'requests').then((all) => (operation ? all.filter((r) => r.operation === operation) : all));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const state = (e: RunningEmulator) => control<any>(e, 'GET', 'state');

export interface ScriptRun { code: number | null; stdout: string; stderr: string }

/** Runs a Node script (the CLI's bin) as a user would: a child process with PATH and `env` only. */
export function runScript(script: string, cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<ScriptRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
