// Helpers for the emulator's own tests: start an emulator per suite, build real SDK clients and our
// MWAA client against it, sign MWAA Serverless requests (it has no SDK), and use the control endpoint.
import { Sha256 } from '@aws-crypto/sha256-js';
import { ImagebuilderClient } from '@aws-sdk/client-imagebuilder';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SignatureV4 } from '@smithy/signature-v4';
import { MwaaClient } from '../../src/aws/mwaa';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from './server';

export const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface Clients {
  sfn: SFNClient;
  imagebuilder: ImagebuilderClient;
  /** Ours (src/aws/mwaa.ts), as the extension uses it. */
  mwaa: MwaaClient;
  s3: S3Client;
  serverless: MwaaServerlessTestClient;
}

/** Clients without retries, so faults surface as they are. */
export function clients(emulator: RunningEmulator, region = 'us-east-1', maxAttempts = 1): Clients {
  const common = { endpoint: emulator.endpoint, region, credentials, maxAttempts };
  return {
    sfn: new SFNClient(common),
    imagebuilder: new ImagebuilderClient(common),
    mwaa: new MwaaClient({ region, endpoint: emulator.endpoint, endpointOverridden: true, credentials: async () => credentials, retry: { maxAttempts } }),
    s3: new S3Client({ ...common, forcePathStyle: true }),
    serverless: new MwaaServerlessTestClient(emulator.endpoint, region),
  };
}

export class AwsJsonError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly body: Record<string, unknown>,
  ) {
    super(`${type}: ${String(body.Message ?? body.message ?? '')}`);
    this.name = type;
  }
}

/** A minimal awsJson1_0 client for MWAA Serverless, signed with SigV4 like the real one. */
export class MwaaServerlessTestClient {
  constructor(
    private readonly endpoint: string,
    private readonly region: string,
    private readonly creds = credentials,
  ) {}

  async send<T = Record<string, unknown>>(operation: string, input: Record<string, unknown> = {}): Promise<T> {
    const { status, body } = await this.raw(operation, input);
    if (status >= 300) throw new AwsJsonError(status, String(body.__type ?? 'Unknown').split('#').pop()!, body);
    return body as T;
  }

  raw(operation: string, input: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
    return signedJsonRequest(this.endpoint, this.region, 'airflow-serverless', {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AmazonMWAAServerless.${operation}` },
      body: JSON.stringify(input),
    }, this.creds);
  }
}

/**
 * One SigV4-signed request with a JSON answer, for operations no client of ours has (MWAA's tag
 * operations: the extension never calls them, so they are not generated).
 */
export async function signedJsonRequest(
  endpoint: string,
  region: string,
  service: string,
  request: { method: string; path: string; query?: Record<string, string | string[]>; headers?: Record<string, string>; body?: string },
  creds = credentials,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ credentials: creds, region, service, sha256: Sha256 });
  const signed = await signer.sign({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: request.path,
    query: request.query ?? {},
    headers: { host: url.host, ...request.headers },
    body: request.body,
  });
  const search = new URLSearchParams(Object.entries(request.query ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x]))).toString();
  const res = await fetch(`${endpoint.replace(/\/+$/, '')}${request.path}${search ? `?${search}` : ''}`, { method: request.method, headers: signed.headers as Record<string, string>, body: request.body });
  const responseText = await res.text();
  return { status: res.status, body: responseText ? (JSON.parse(responseText) as Record<string, unknown>) : {} };
}

export async function startTestEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, quiet: true, ...opts });
}

export async function control<T = unknown>(emulator: RunningEmulator, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emulator.controlUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export type SdkError = Error & { $metadata?: { httpStatusCode?: number } };

/** Runs `fn` and returns the error it throws (failing when it does not throw). */
export async function rejection<E extends Error = SdkError>(fn: () => Promise<unknown>): Promise<E> {
  try {
    await fn();
  } catch (e) {
    return e as E;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Polls until `check` answers a value (the emulator runs executions and runs in the background). */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
