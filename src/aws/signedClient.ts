// What our own clients (MWAA Serverless over awsJson1_0, MWAA InvokeRestApi over restJson1) share:
// SigV4 signing, one keep-alive agent, a request timeout, the SDK's retry policy, cancellation, and
// the call info recorded on errors. Each protocol builds its request and reads its response.

import * as http from 'node:http';
import * as https from 'node:https';
import type { Logger } from '../core/log';
import type { AwsCredentials } from './credentials';
import { assertRegionCode } from './endpoints';
import { AWS_CALL_INFO, MalformedResponseError, type AwsCallInfo } from './errors';
import { loadSmithy, type SmithySdk } from './lazySdk';
import { currentAbortSignal } from './cancellation';
import { RetryPolicy, abortError, type RetryOptions } from './retry';
import { AWS_SERVICES, type AwsServiceKey } from './services.generated';

export interface SignedClientOptions {
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

/** A request before signing: the path is relative to the endpoint's own path. */
export interface UnsignedRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  /** Prepended to the endpoint's host (the model's hostPrefix), never to an overridden endpoint. */
  hostPrefix?: string;
  headers: Record<string, string>;
  body: string;
}

export interface PreparedRequest {
  method: string;
  protocol: 'http:' | 'https:';
  hostname: string;
  port?: number;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  attempts?: number;
}

type Smithy = SmithySdk;

/** Each of our clients holds one and adds its protocol: how a request is built and a response read. */
export class SignedTransport {
  readonly region: string;
  readonly endpoint: string;
  private readonly retry: RetryPolicy;
  private readonly agent: http.Agent;
  private signer?: InstanceType<Smithy['SignatureV4']>;

  constructor(
    private readonly options: SignedClientOptions,
    private readonly service: AwsServiceKey,
  ) {
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

  /**
   * Signs, sends and retries one operation (RetryPolicy: the SDK's standard strategy, one quota per
   * client); `read` turns a response into the result or throws the service's error.
   */
  async call<T>(
    operation: string,
    request: UnsignedRequest,
    read: (response: RawResponse, metadata: ResponseMetadata) => T,
    options: { abortSignal?: AbortSignal; mayRetry?: (err: unknown) => boolean } = {},
  ): Promise<T> {
    // The signal of the operation in progress (Cancel, Ctrl-C) when the caller gives none.
    const abortSignal = options.abortSignal ?? currentAbortSignal();
    const started = Date.now();
    const service = this.service;
    let attempt = 0;
    try {
      return await this.retry.run(
        async (n) => {
          attempt = n;
          const prepared = await this.sign(request);
          const response = await this.dispatch(prepared, abortSignal);
          const result = read(response, { httpStatusCode: response.status, requestId: header(response.headers, 'x-amzn-requestid'), attempts: attempt });
          this.options.logger?.debug(`${service} ${operation} ${this.region} -> ${response.status} (${attempt} attempt${attempt === 1 ? '' : 's'}, ${Date.now() - started} ms)`);
          return result;
        },
        {
          signal: abortSignal,
          mayRetry: options.mayRetry,
          onRetry: (err, delay, next) => this.options.logger?.debug(`${service} ${operation}: ${(err as Error)?.name ?? 'error'}, retrying in ${delay} ms (attempt ${next} of ${this.retry.maxAttempts})`),
        },
      );
    } catch (err) {
      this.annotate(err, operation, attempt);
      this.options.logger?.debug(`${service} ${operation} ${this.region} failed after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${(err as Error)?.name}`);
      throw err;
    }
  }

  /** True when the endpoint came from configuration (host prefixes are then left out). */
  get endpointOverridden(): boolean {
    return !!this.options.endpointOverridden;
  }

  /** The signed HTTP request; exposed so the signature can be checked independently. */
  async sign(request: UnsignedRequest): Promise<PreparedRequest> {
    const url = new URL(this.endpoint);
    const basePath = url.pathname.replace(/\/+$/, '');
    // The SDKs leave the host alone when the endpoint is configured (a local emulator has no env.* name).
    const hostPrefix = request.hostPrefix && !this.options.endpointOverridden ? request.hostPrefix : '';
    const hostname = `${hostPrefix}${url.hostname}`;
    const toSign = {
      method: request.method,
      protocol: url.protocol as 'http:' | 'https:',
      hostname,
      port: url.port ? Number(url.port) : undefined,
      path: `${basePath}${request.path}`,
      query: request.query ?? {},
      headers: { ...request.headers, host: `${hostPrefix}${url.host}`, 'content-length': String(Buffer.byteLength(request.body)) },
      body: request.body,
    };
    const signed = await this.getSigner().sign(toSign, { signingDate: this.options.systemClock?.() });
    const query = new URLSearchParams(toSign.query).toString();
    return {
      method: toSign.method,
      protocol: toSign.protocol,
      hostname,
      port: toSign.port,
      path: query ? `${toSign.path}?${query}` : toSign.path,
      headers: signed.headers as Record<string, string>,
      body: request.body,
    };
  }

  /** The response body as a JSON object; MalformedResponseError when it is not one. */
  parseJsonObject(operation: string, response: RawResponse, metadata: ResponseMetadata): Record<string, unknown> {
    let parsed: unknown = {};
    let parseError: unknown;
    if (response.body.trim()) {
      try {
        parsed = JSON.parse(response.body);
      } catch (err) {
        parseError = err;
      }
    }
    if (parseError || typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new MalformedResponseError(`${operation} returned a body that is not a JSON object (HTTP ${response.status}, ${response.body.length} bytes)`, metadata, parseError);
    }
    return parsed as Record<string, unknown>;
  }

  private getSigner(): InstanceType<Smithy['SignatureV4']> {
    if (!this.signer) {
      const { SignatureV4, Sha256 } = loadSmithy();
      this.signer = new SignatureV4({
        service: AWS_SERVICES[this.service].signingName,
        region: this.region,
        credentials: this.options.credentials,
        sha256: Sha256,
        uriEscapePath: true,
        applyChecksum: true,
      });
    }
    return this.signer;
  }

  private dispatch(request: PreparedRequest, signal?: AbortSignal): Promise<RawResponse> {
    if (signal?.aborted) return Promise.reject(abortError());
    const transport = request.protocol === 'https:' ? https : http;
    const timeoutMs = this.options.requestTimeoutMs ?? 60_000;
    return new Promise((resolve, reject) => {
      const req = transport.request(
        {
          method: request.method,
          protocol: request.protocol,
          // An overridden endpoint is reached as configured; a prefixed AWS host by its own name.
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

  private annotate(err: unknown, operation: string, attempt: number): void {
    if (typeof err !== 'object' || err === null) return;
    const info: AwsCallInfo = { service: this.service, operation, region: this.region, endpoint: this.endpoint, overridden: !!this.options.endpointOverridden };
    Object.defineProperty(err, AWS_CALL_INFO, { value: info, enumerable: false, configurable: true });
    const e = err as { $metadata?: ResponseMetadata };
    if (e.$metadata) e.$metadata.attempts = attempt;
    else Object.defineProperty(err, '$metadata', { value: { attempts: attempt }, enumerable: false, configurable: true, writable: true });
  }
}

export function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** `aws.protocoltests#FooError:http://…` or `FooError:…` → `FooError` (awsJson and restJson rules). */
export function errorTypeName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let name = raw.trim();
  const colon = name.indexOf(':');
  if (colon >= 0) name = name.slice(0, colon);
  const hash = name.lastIndexOf('#');
  if (hash >= 0) name = name.slice(hash + 1);
  return name || undefined;
}

export type ShapeTable = Record<string, { type: string; members?: Record<string, string>; member?: string; value?: string }>;

/** Walks a value by model shape: ISO-8601 (or epoch-seconds) timestamps become Dates. */
export function deserializeShape(shapes: ShapeTable, shapeName: string, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = shapes[shapeName];
  if (!shape) return value;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${shapeName} should be an object`);
      const members = shape.members!;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (k === '__type') continue;
        out[k] = members[k] ? deserializeShape(shapes, members[k], v) : v;
      }
      return out;
    }
    case 'list':
      if (!Array.isArray(value)) throw new Error(`${shapeName} should be a list`);
      return value.map((v) => deserializeShape(shapes, shape.member!, v));
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${shapeName} should be a map`);
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, deserializeShape(shapes, shape.value!, v)]));
    }
    case 'timestamp': {
      // Epoch seconds to whole milliseconds, rounded as the SDK's parseEpochTimestamp rounds them.
      const d = typeof value === 'number' ? new Date(Math.round(value * 1000)) : typeof value === 'string' ? new Date(value) : undefined;
      if (!d || Number.isNaN(d.getTime())) throw new Error(`${shapeName} is not a valid timestamp: ${JSON.stringify(value).slice(0, 40)}`);
      return d;
    }
    default:
      return value;
  }
}

/**
 * The service's error for a non-2xx response: the modelled exception when the type is known
 * (x-amzn-errortype, __type or code), else a generic one named after the HTTP status.
 */
export function serviceErrorFrom<E>(
  response: RawResponse,
  known: (typeName: string) => ((message: string, fields: Record<string, unknown>) => E) | undefined,
  generic: (name: string, message: string, fault: 'client' | 'server') => E,
): E {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = response.body.trim() ? JSON.parse(response.body) : {};
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // an unreadable error body still has a status
  }
  const typeName = errorTypeName(header(response.headers, 'x-amzn-errortype') ?? (body.__type as string | undefined) ?? (body.code as string | undefined));
  const message = String(body.message ?? body.Message ?? body.errorMessage ?? `HTTP ${response.status}${typeName ? ` ${typeName}` : ''}`);
  const create = typeName ? known(typeName) : undefined;
  if (create) return create(message, body);
  return generic(typeName ?? `Http${response.status}Error`, message, response.status >= 500 ? 'server' : 'client');
}
