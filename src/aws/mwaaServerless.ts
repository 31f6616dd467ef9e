// Our MWAA Serverless client (no SDK package is published for it): awsJson1_0 over HTTPS,
// SigV4-signed, typed from the model (mwaaServerless.generated.ts), with the SDK's retry policy.

import * as http from 'node:http';
import * as https from 'node:https';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../core/log';
import type { AwsCredentials } from './credentials';
import { AWS_CALL_INFO, MalformedResponseError, type AwsCallInfo } from './errors';
import {
  EXCEPTIONS,
  MWAA_SERVERLESS_METADATA,
  MwaaServerlessOperations,
  MwaaServerlessServiceException,
  OPERATIONS,
  SHAPES,
  type MwaaServerlessOperation,
  type OperationTypes,
  type ResponseMetadata,
  type SendOptions,
} from './mwaaServerless.generated';
import { loadSmithy, type SmithySdk } from './lazySdk';
import { abortError, retryErrorType, RetryPolicy, type RetryOptions } from './retry';
import { assertRegionCode } from './endpoints';
import { currentAbortSignal } from './cancellation';

export * from './mwaaServerless.generated';

/** Reads are safe to resend whatever happened to the first attempt. */
const READ_ONLY = /^(Get|List)/;

type Smithy = SmithySdk;

export interface MwaaServerlessClientOptions {
  region: string;
  /** Base URL, e.g. https://airflow-serverless.us-east-1.api.aws or http://127.0.0.1:4566. */
  endpoint: string;
  /** True when the endpoint came from AWS_ENDPOINT_URL* / endpoint_url (recorded on errors). */
  endpointOverridden?: boolean;
  credentials: () => Promise<AwsCredentials>;
  retry?: Partial<RetryOptions>;
  logger?: Logger;
  /** Socket inactivity limit per attempt. */
  requestTimeoutMs?: number;
  /** For tests: a fixed signing date. */
  systemClock?: () => Date;
}

export interface PreparedRequest {
  method: 'POST';
  protocol: 'http:' | 'https:';
  hostname: string;
  port?: number;
  path: string;
  headers: Record<string, string>;
  body: string;
}


export class MwaaServerlessClient extends MwaaServerlessOperations {
  readonly region: string;
  readonly endpoint: string;
  private readonly retry: RetryPolicy;
  private readonly agent: http.Agent;
  private signer?: InstanceType<Smithy['SignatureV4']>;

  constructor(private readonly options: MwaaServerlessClientOptions) {
    super();
    assertRegionCode(options.region);
    this.region = options.region;
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.retry = new RetryPolicy(options.retry);
    const url = new URL(this.endpoint);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Unsupported endpoint URL ${this.endpoint}: use http:// or https://.`);
    this.agent = url.protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  }

  /** Stops keeping connections open. */
  destroy(): void {
    this.agent.destroy();
  }

  override async send<K extends MwaaServerlessOperation>(
    operation: K,
    input: OperationTypes[K]['input'],
    options: SendOptions = {},
  ): Promise<OperationTypes[K]['output'] & { $metadata: ResponseMetadata }> {
    const info = OPERATIONS[operation];
    const body: Record<string, unknown> = { ...(input as object) };
    // Filled once, before the first attempt, so every retry carries the same token and a
    // create that reached the service the first time can never create twice.
    if (info.idempotencyToken && body[info.idempotencyToken] === undefined) body[info.idempotencyToken] = randomUUID();
    const payload = JSON.stringify(body);
    const signal = options.abortSignal ?? currentAbortSignal();
    const started = Date.now();
    let attempt = 0;
    try {
      return await this.retry.run(async (n) => {
        attempt = n;
        const request = await this.prepareRequest(operation, payload);
        const response = await this.dispatch(request, signal);
        const result = this.parseResponse(operation, response, attempt);
        this.options.logger?.debug(`airflow-serverless ${operation} ${this.region} -> ${response.status} (${attempt} attempt${attempt === 1 ? '' : 's'}, ${Date.now() - started} ms)`);
        return result as OperationTypes[K]['output'] & { $metadata: ResponseMetadata };
      }, {
        signal,
        // UpdateWorkflow has no idempotency token: after a timeout or a 5xx it may have been applied, and a
        // resend would make a second version. Only throttling is retried; the deploy reads the workflow back.
        mayRetry: (err) => READ_ONLY.test(operation) || info.idempotent || !!info.idempotencyToken || retryErrorType(err) === 'THROTTLING',
        onRetry: (err, delay, next) => this.options.logger?.debug(`airflow-serverless ${operation}: ${(err as Error)?.name ?? 'error'}, retrying in ${delay} ms (attempt ${next} of ${this.retry.maxAttempts})`),
      });
    } catch (err) {
      this.annotate(err, operation, attempt);
      this.options.logger?.debug(`airflow-serverless ${operation} ${this.region} failed after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${(err as Error)?.name}`);
      throw err;
    }
  }

  /** The signed HTTP request for an operation; exposed so the signature can be checked independently. */
  async prepareRequest(operation: MwaaServerlessOperation, payload: string): Promise<PreparedRequest> {
    const url = new URL(this.endpoint);
    const basePath = url.pathname.replace(/\/+$/, '');
    const request = {
      method: 'POST' as const,
      protocol: url.protocol as 'http:' | 'https:',
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: `${basePath}/`,
      query: {},
      headers: {
        host: url.host,
        'content-type': `application/x-amz-json-${MWAA_SERVERLESS_METADATA.jsonVersion}`,
        'x-amz-target': `${MWAA_SERVERLESS_METADATA.targetPrefix}.${operation}`,
        'content-length': String(Buffer.byteLength(payload)),
      } as Record<string, string>,
      body: payload,
    };
    const signed = await this.getSigner().sign(request, { signingDate: this.options.systemClock?.() });
    return { ...request, headers: signed.headers as Record<string, string> };
  }

  private getSigner(): InstanceType<Smithy['SignatureV4']> {
    if (!this.signer) {
      const { SignatureV4, Sha256 } = loadSmithy();
      this.signer = new SignatureV4({
        service: MWAA_SERVERLESS_METADATA.signingName,
        region: this.region,
        credentials: this.options.credentials,
        sha256: Sha256,
        uriEscapePath: true,
        applyChecksum: true,
      });
    }
    return this.signer;
  }

  private dispatch(request: PreparedRequest, signal?: AbortSignal): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    if (signal?.aborted) return Promise.reject(abortError());
    const transport = request.protocol === 'https:' ? https : http;
    const timeoutMs = this.options.requestTimeoutMs ?? 60_000;
    return new Promise((resolve, reject) => {
      const req = transport.request(
        {
          method: request.method,
          protocol: request.protocol,
          hostname: request.hostname,
          port: request.port,
          path: request.path,
          headers: request.headers,
          agent: this.agent,
          signal,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.setTimeout(timeoutMs, () => {
        const e = new Error(`No response from ${this.endpoint} within ${Math.round(timeoutMs / 1000)} s.`);
        e.name = 'TimeoutError';
        req.destroy(e);
      });
      req.on('error', (e: Error) => reject(signal?.aborted ? abortError() : e));
      req.end(request.body);
    });
  }

  private parseResponse(operation: MwaaServerlessOperation, response: { status: number; headers: http.IncomingHttpHeaders; body: string }, attempt: number): unknown {
    const metadata: ResponseMetadata = {
      httpStatusCode: response.status,
      requestId: header(response.headers, 'x-amzn-requestid'),
      attempts: attempt,
    };
    let parsed: unknown;
    let parseError: unknown;
    if (response.body.trim()) {
      try {
        parsed = JSON.parse(response.body);
      } catch (err) {
        parseError = err;
      }
    } else {
      parsed = {};
    }
    if (response.status < 200 || response.status >= 300) {
      throw this.toServiceError(response, parsed, metadata);
    }
    if (parseError || typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new MalformedResponseError(`${operation} returned a body that is not a JSON object (HTTP ${response.status}, ${response.body.length} bytes)`, metadata, parseError);
    }
    try {
      const output = deserialize(OPERATIONS[operation].output, parsed) as Record<string, unknown>;
      return { ...output, $metadata: metadata };
    } catch (err) {
      throw new MalformedResponseError(`${operation} returned a response that does not match the model: ${(err as Error).message}`, metadata, err);
    }
  }

  private toServiceError(response: { status: number; headers: http.IncomingHttpHeaders }, parsed: unknown, metadata: ResponseMetadata): MwaaServerlessServiceException {
    const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
    const typeName = errorTypeName(header(response.headers, 'x-amzn-errortype') ?? (body.__type as string | undefined) ?? (body.code as string | undefined));
    const message = String(body.message ?? body.Message ?? body.errorMessage ?? `HTTP ${response.status}${typeName ? ` ${typeName}` : ''}`);
    const known = typeName ? EXCEPTIONS[typeName] : undefined;
    if (known) {
      let fields: Record<string, unknown> = body;
      try {
        fields = deserialize(typeName!, body) as Record<string, unknown>;
      } catch {
        // keep the raw fields: the error itself matters more than their exact types
      }
      return known.create(message, metadata, fields);
    }
    return new MwaaServerlessServiceException(typeName ?? `Http${response.status}Error`, message, response.status >= 500 ? 'server' : 'client', metadata);
  }

  private annotate(err: unknown, operation: MwaaServerlessOperation, attempt: number): void {
    if (typeof err !== 'object' || err === null) return;
    const info: AwsCallInfo = { service: 'airflow-serverless', operation, region: this.region, endpoint: this.endpoint, overridden: !!this.options.endpointOverridden };
    Object.defineProperty(err, AWS_CALL_INFO, { value: info, enumerable: false, configurable: true });
    const e = err as { $metadata?: ResponseMetadata };
    if (e.$metadata) e.$metadata.attempts = attempt;
    else Object.defineProperty(err, '$metadata', { value: { attempts: attempt }, enumerable: false, configurable: true, writable: true });
  }
}

function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** `aws.protocoltests#FooError:http://…` or `FooError:…` → `FooError` (awsJson1_0 rules). */
export function errorTypeName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let name = raw.trim();
  const colon = name.indexOf(':');
  if (colon >= 0) name = name.slice(0, colon);
  const hash = name.lastIndexOf('#');
  if (hash >= 0) name = name.slice(hash + 1);
  return name || undefined;
}

/** Walks a value by model shape: ISO-8601 (or epoch-seconds) timestamps become Dates. */
export function deserialize(shapeName: string, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = SHAPES[shapeName];
  if (!shape) return value;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${shapeName} should be an object`);
      const members = (shape as { members: Record<string, string> }).members;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (k === '__type') continue;
        out[k] = members[k] ? deserialize(members[k], v) : v;
      }
      return out;
    }
    case 'list':
      if (!Array.isArray(value)) throw new Error(`${shapeName} should be a list`);
      return value.map((v) => deserialize((shape as { member: string }).member, v));
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${shapeName} should be a map`);
      const target = (shape as { value: string }).value;
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, deserialize(target, v)]));
    }
    case 'timestamp': {
      const d = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
      if (!d || Number.isNaN(d.getTime())) throw new Error(`${shapeName} is not a valid timestamp: ${JSON.stringify(value).slice(0, 40)}`);
      return d;
    }
    default:
      return value;
  }
}
