// The emulator: one HTTP port for Step Functions, Image Builder, MWAA, MWAA Serverless and S3
// (routed by the SigV4 credential scope, X-Amz-Target or method and path), a control endpoint
// under /_emulator, and the HTTPS Airflow web server on a second port.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setMocks } from './services/stepfunctionsRuns';
import { startAirflowWebServer } from './airflowWeb';
import { FaultQueue, parseFaultRequest, type FaultKind } from './faults';
import { ServiceError } from './protocol/errors';
import type { KmsFaultKind } from './services/kms';
import { loadModel, type ServiceModel } from './protocol/model';
import { buildRoutes, bindInput, matchRoute, type Route } from './protocol/restJson';
import { serializeOutput } from './protocol/serialize';
import { parseAuthorization, verifySignature } from './protocol/sigv4';
import { validateInput } from './protocol/validate';
import { applySeed, resolveSeed } from './seeds';
import { ACCOUNT_ID, deniedMessage, type JsonService, type RequestContext, type Runtime, type ServiceName } from './services/context';
import { imageBuilder } from './services/imagebuilder';
import { mwaa } from './services/mwaa';
import { logs } from './services/logs';
import { mwaaServerless } from './services/mwaaServerless';
import { handleS3, renderS3Error, s3Error, s3Operation } from './services/s3';
import { stepFunctions } from './services/stepfunctions';
import { StateStore } from './state';

export interface EmulatorOptions {
  /** 0 picks a free port; default 4566. */
  port?: number;
  /** 'demo', 'large', or a path to a YAML seed file. */
  seed?: string;
  /** Persist state to this file (loaded at start when it exists; then the seed is not applied). */
  statePath?: string;
  quiet?: boolean;
  /** Default page size of every List operation (small, so paging is always exercised). */
  pageSize?: number;
  /** Port of the HTTPS Airflow web server; 0 (default) picks a free one. */
  airflowPort?: number;
  /** Step Functions waits, retry back-off and timeouts at this fraction of real time (default 0.01). */
  timeScale?: number;
  /** Largest request body of the JSON services (default 10 MB). */
  maxBodyBytes?: number;
  /** Largest S3 object upload (default 100 MB). */
  maxS3ObjectBytes?: number;
}

export interface RunningEmulator {
  endpoint: string;
  port: number;
  airflowPort: number;
  controlUrl: string;
  stop(): Promise<void>;
}

export interface RequestLogEntry {
  time: string;
  service: ServiceName | 'unknown';
  operation: string;
  region?: string;
  method: string;
  path: string;
  status?: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

const MAX_LOGGED_REQUESTS = 500;
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_S3_OBJECT_BYTES = 100 * 1024 * 1024;
const READ_ONLY = /^(List|Get|Describe|Head|Validate)/;
const JSON_SERVICES: Record<Exclude<ServiceName, 's3'>, JsonService> = {
  states: stepFunctions,
  imagebuilder: imageBuilder,
  airflow: mwaa,
  'airflow-serverless': mwaaServerless,
  logs,
};
const TARGET_PREFIXES: Record<string, 'states' | 'airflow-serverless' | 'logs'> = { AWSStepFunctions: 'states', AmazonMWAAServerless: 'airflow-serverless', Logs_20140328: 'logs' };

interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** What the router learned about a request before running it. */
interface Routed {
  service: ServiceName;
  operation: string;
  run: (ctx: RequestContext) => Promise<Reply>;
  renderError: (e: ServiceError, requestId: string) => Reply;
  malformed: () => Reply;
  loggedBody: unknown;
}

class Emulator {
  readonly store: StateStore;
  readonly runtime: Runtime;
  readonly faults = new FaultQueue();
  readonly requests: RequestLogEntry[] = [];
  private readonly routes = new Map<ServiceName, Route[]>();

  constructor(private readonly options: EmulatorOptions) {
    this.store = new StateStore(options.statePath);
    this.runtime = { pageSize: options.pageSize ?? 10, airflowPort: 0, webLoginTokens: new Map(), timeScale: options.timeScale };
    for (const service of [imageBuilder, mwaa]) this.routes.set(service.name, buildRoutes(loadModel(service.modelId)));
  }

  initialise(): void {
    if (this.store.load()) return;
    this.reset(this.options.seed);
  }

  reset(seed: string | undefined): void {
    this.store.reset();
    this.runtime.webLoginTokens.clear();
    this.faults.clear();
    this.requests.length = 0;
    if (seed) applySeed(this.store, this.runtime, resolveSeed(seed));
    this.store.save();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawPath = (req.url ?? '/').split('?')[0];
    if (url.pathname === '/_emulator' || url.pathname.startsWith('/_emulator/')) {
      const refused = controlRefusal(req);
      if (refused) return this.controlReply(res, 403, { error: refused });
      const body = await readBody(req, CONTROL_MAX_BODY_BYTES);
      if (body === 'too-large') return this.controlReply(res, 413, { error: 'the body is too large' });
      return this.control(req, res, url, body);
    }
    const requestId = randomUUID();
    const query = queryObject(url);
    const auth = parseAuthorization(header(req, 'authorization'));
    const s3 = (auth?.service ?? 's3') === 's3' && !header(req, 'x-amz-target');
    const limit = s3 ? this.options.maxS3ObjectBytes ?? DEFAULT_MAX_S3_OBJECT_BYTES : this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const declared = Number(header(req, 'content-length') ?? 0);
    let raw: Buffer = Buffer.alloc(0);
    // S3 signs the payload's hash as a header, so its signature is checked before the body is read;
    // the other protocols hash the body into the signature, so their bodies are capped, then read.
    const earlyAuth = s3 && auth && header(req, 'x-amz-content-sha256') ? await verifySignature({ method: req.method ?? 'GET', path: rawPath, query, headers: req.headers, body: Buffer.alloc(0) }, auth) : undefined;
    if (!(declared > limit) && (!earlyAuth || earlyAuth.ok)) {
      const read = await readBody(req, limit);
      if (read === 'too-large') raw = TOO_LARGE;
      else raw = read;
    }
    const routed = this.route(req, rawPath, query, raw === TOO_LARGE ? Buffer.alloc(0) : raw, auth?.service);
    const entry: RequestLogEntry = {
      time: new Date().toISOString(),
      service: routed?.service ?? 'unknown',
      operation: routed?.operation ?? 'Unknown',
      region: auth?.region,
      method: req.method ?? 'GET',
      path: url.pathname,
      headers: redactHeaders(req.headers),
      body: declared > limit || raw === TOO_LARGE ? `<more than ${limit} bytes, not read>` : routed?.loggedBody,
    };
    this.requests.push(entry);
    if (this.requests.length > MAX_LOGGED_REQUESTS) this.requests.shift();
    const send = (reply: Reply) => {
      entry.status = reply.status;
      res.writeHead(reply.status, { 'x-amzn-requestid': requestId, 'x-amz-request-id': requestId, ...reply.headers });
      res.end(req.method === 'HEAD' ? undefined : reply.body);
      // A body left unread (too large, or refused before reading) is not drained: the connection closes.
      if (!req.complete) req.socket.destroySoon();
    };
    if (!routed) {
      send(unknownOperation(auth?.service, header(req, 'x-amz-target')));
      return;
    }
    try {
      // Signature first: the real services refuse unsigned requests before anything else.
      if (!auth) return send(routed.renderError(authError(routed.service, 'missing'), requestId));
      if (earlyAuth && !earlyAuth.ok) return send(routed.renderError(authError(routed.service, earlyAuth.reason), requestId));
      if (declared > limit || raw === TOO_LARGE) return send(routed.renderError(tooLarge(routed.service, limit), requestId));
      const check = await verifySignature({ method: req.method ?? 'GET', path: rawPath, query, headers: req.headers, body: raw }, auth);
      if (!check.ok) return send(routed.renderError(authError(routed.service, check.reason), requestId));

      const fault = this.faults.take(routed.service, routed.operation);
      if (fault) {
        const reply = await this.applyFault(fault.kind, fault.delayMs, routed, auth.region, requestId, req);
        if (reply === 'dropped') return;
        if (reply) return send(reply);
      }
      const ctx: RequestContext = {
        region: auth.region, accountId: ACCOUNT_ID, store: this.store, runtime: this.runtime, now: new Date().toISOString(),
        takeKmsFault: () => this.faults.take(routed.service, routed.operation, true)?.kind as KmsFaultKind | undefined,
      };
      const readOnly = READ_ONLY.test(routed.operation);
      if (!readOnly) this.store.touch();
      const reply = await routed.run(ctx);
      if (!readOnly) this.store.save();
      // slowReply: the operation is done, the answer comes late (a client timeout after the change was made).
      if (fault?.kind === 'slowReply') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
      send(reply);
    } catch (e) {
      if (e instanceof ServiceError) return send(routed.renderError(e, requestId));
      // The service's own 500, without the stack: it stays in the emulator's console.
      if (!this.options.quiet) console.error(`emulator: ${routed.service}:${routed.operation} failed:`, e);
      send(routed.renderError(routed.service === 's3' ? s3Error('InternalError', 'We encountered an internal error. Please try again.', 500) : JSON_SERVICES[routed.service].faults.internal(), requestId));
    }
  }

  private controlReply(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private async applyFault(kind: FaultKind, delayMs: number | undefined, routed: Routed, region: string, requestId: string, req: IncomingMessage): Promise<Reply | 'dropped' | undefined> {
    const service = routed.service;
    switch (kind) {
      case 'delay':
        await new Promise((r) => setTimeout(r, delayMs ?? 1000));
        return undefined;
      case 'slowReply':
        return undefined;
      case 'drop':
        req.socket.destroy();
        return 'dropped';
      case 'malformed':
        return routed.malformed();
      case 'http500':
        return routed.renderError(service === 's3' ? s3Error('InternalError', 'We encountered an internal error. Please try again.', 500) : JSON_SERVICES[service].faults.internal(), requestId);
      case 'throttle':
        return routed.renderError(service === 's3' ? s3Error('SlowDown', 'Please reduce your request rate.', 503) : JSON_SERVICES[service].faults.throttle(), requestId);
      case 'kmsAccessDenied':
      case 'kmsDisabled':
      case 'kmsThrottle':
        return undefined; // taken by the operation itself, when it needs the key (services/kms.ts)
      case 'accessDenied':
        return routed.renderError(
          service === 's3' ? s3Error('AccessDenied', deniedMessage('s3', routed.operation, region), 403) : JSON_SERVICES[service].faults.accessDenied(routed.operation, region),
          requestId,
        );
    }
  }

  /** Finds the service and operation; undefined when nothing matches (UnknownOperationException). */
  private route(req: IncomingMessage, rawPath: string, query: Record<string, string | string[]>, raw: Buffer, signingName: string | undefined): Routed | undefined {
    const target = header(req, 'x-amz-target');
    let service = signingName as ServiceName | undefined;
    if (!service) {
      // Unsigned: guess the service so the refusal has the right shape.
      const fromTarget = target ? TARGET_PREFIXES[target.split('.')[0]] : undefined;
      service = fromTarget ?? ([imageBuilder, mwaa].find((s) => matchRoute(this.routes.get(s.name)!, req.method ?? 'GET', rawPath, query))?.name) ?? 's3';
    }
    if (service === 's3') return this.routeS3(req, rawPath, query, raw);
    const definition = JSON_SERVICES[service as Exclude<ServiceName, 's3'>];
    if (!definition) return undefined;
    const model = loadModel(definition.modelId);
    if (model.metadata.protocol === 'json') {
      const [prefix, operation] = (target ?? '').split('.');
      if (prefix !== model.metadata.targetPrefix || !operation || !modelOperation(model, operation)) return undefined;
      const body = parseJsonObject(raw);
      return {
        service: definition.name,
        operation,
        loggedBody: body ?? raw.toString('utf8'),
        renderError: (e, id) => awsJsonError(model, e, id),
        malformed: () => ({ status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: '{"malformed": ' }),
        run: async (ctx) => {
          if (!body) throw new ServiceError('SerializationException', 'Malformed request body: expected a JSON object.');
          const output = await this.invoke(definition, model, operation, body, ctx);
          return { status: 200, headers: { 'content-type': `application/x-amz-json-${model.metadata.jsonVersion ?? '1.0'}` }, body: JSON.stringify(output) };
        },
      };
    }
    const match = matchRoute(this.routes.get(definition.name)!, req.method ?? 'GET', rawPath, query);
    if (!match) return undefined;
    const operation = match.route.operation;
    const body = parseJsonObject(raw);
    return {
      service: definition.name,
      operation,
      loggedBody: body ?? raw.toString('utf8'),
      renderError: (e, id) => restJsonError(model, e, id),
      malformed: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"malformed": ' }),
      run: async (ctx) => {
        if (!body) throw new ServiceError('SerializationException', 'Malformed request body: expected a JSON object.');
        const op = modelOperation(model, operation)!;
        const input = bindInput(model, op.input, match.labels, query, req.headers, body);
        const output = await this.invoke(definition, model, operation, input, ctx);
        return { status: op.http.responseCode ?? 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(output) };
      },
    };
  }

  private async invoke(definition: JsonService, model: ServiceModel, operation: string, input: Record<string, unknown>, ctx: RequestContext): Promise<unknown> {
    const handler = Object.hasOwn(definition.operations, operation) ? definition.operations[operation] : undefined;
    if (typeof handler !== 'function') throw new ServiceError('UnknownOperationException', `The emulator does not implement ${operation}.`);
    const op = modelOperation(model, operation)!;
    if (op.input) {
      const violations = validateInput(model, op.input, input, definition.pathStyle);
      const typeErrors = violations.filter((v) => v.kind === 'type');
      if (typeErrors.length) throw new ServiceError('SerializationException', `Value at '${typeErrors[0].path}' has the wrong type: ${typeErrors[0].constraint}`);
      if (violations.length) throw definition.validationError(violations);
    }
    return serializeOutput(model, op.output, await handler(input, ctx));
  }

  private routeS3(req: IncomingMessage, rawPath: string, query: Record<string, string | string[]>, raw: Buffer): Routed {
    const parts = rawPath.split('/').filter((p, i) => i > 0 || p);
    const bucket = parts[0] ? decodeURIComponent(parts[0]) : undefined;
    const slash = rawPath.indexOf('/', 1);
    const key = slash > 0 && slash < rawPath.length - 1 ? decodeURIComponent(rawPath.slice(slash + 1)) : undefined;
    const flatQuery = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    const method = req.method ?? 'GET';
    const operation = s3Operation({ method, bucket, key, query: flatQuery });
    const textual = raw.length <= 65536 && !raw.includes(0);
    return {
      service: 's3',
      operation,
      loggedBody: raw.length === 0 ? undefined : textual ? raw.toString('utf8') : `<${raw.length} bytes>`,
      renderError: (e, id) => {
        const reply: Reply = { status: e.status, headers: { 'content-type': 'application/xml', ...e.headers } };
        if (method !== 'HEAD') reply.body = renderS3Error(e, id);
        return reply;
      },
      malformed: () => ({ status: 200, headers: { 'content-type': 'application/xml' }, body: '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult><Name>' }),
      run: async (ctx) => handleS3(operation, { method, bucket, key, query: flatQuery, headers: req.headers, body: raw }, ctx),
    };
  }

  private control(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): void {
    const reply = (status: number, body: unknown) => this.controlReply(res, status, body);
    let body: unknown;
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      return reply(400, { error: 'the body must be JSON' });
    }
    const route = `${req.method} ${url.pathname.replace(/\/$/, '')}`;
    const expire = /^POST \/_emulator\/web-login-tokens\/([^/]+)\/expire$/.exec(route);
    if (expire) {
      // Lets tests see the refusal of an expired token without waiting 60 seconds.
      const token = this.runtime.webLoginTokens.get(decodeURIComponent(expire[1]));
      if (!token) return reply(404, { error: 'no such web login token' });
      token.createdAt = 0;
      return reply(200, { expired: true });
    }
    const mocks = /^(PUT|GET) \/_emulator\/mocks\/([a-z0-9-]+)\/([^/]+)$/.exec(route);
    if (mocks) {
      const runs = this.store.region(mocks[2]).states;
      const machine = decodeURIComponent(mocks[3]);
      if (mocks[1] === 'GET') return reply(200, runs.mocks?.[machine] ?? {});
      this.store.touch();
      const problem = setMocks(runs, machine, body);
      if (problem) return reply(400, { error: problem });
      this.store.save();
      return reply(200, { saved: true });
    }
    switch (route) {
      case 'GET /_emulator/state':
        return reply(200, this.store.state);
      case 'GET /_emulator/requests':
        return reply(200, this.requests);
      case 'DELETE /_emulator/requests':
        this.requests.length = 0;
        return reply(200, { cleared: true });
      case 'GET /_emulator/faults':
        return reply(200, this.faults.pending());
      case 'DELETE /_emulator/faults':
        this.faults.clear();
        return reply(200, { cleared: true });
      case 'POST /_emulator/faults': {
        const fault = parseFaultRequest(body);
        if (typeof fault === 'string') return reply(400, { error: fault });
        this.faults.add(fault);
        return reply(200, { queued: this.faults.pending().length });
      }
      case 'POST /_emulator/reset': {
        const seed = (body as { seed?: unknown }).seed;
        if (seed !== undefined && typeof seed !== 'string') return reply(400, { error: 'seed must be a string' });
        try {
          this.reset(seed ?? this.options.seed);
        } catch (e) {
          return reply(400, { error: `could not apply the seed: ${(e as Error).message}` });
        }
        return reply(200, { reset: true });
      }
      default:
        return reply(404, { error: `no control route ${route}; see test/emulator/README.md` });
    }
  }
}

/** The model's operations by name, in a Map: `constructor` or `__proto__` are not operations. */
const operationTables = new WeakMap<ServiceModel, Map<string, ServiceModel['operations'][string]>>();

function modelOperation(model: ServiceModel, name: string): ServiceModel['operations'][string] | undefined {
  let table = operationTables.get(model);
  if (!table) {
    table = new Map(Object.entries(model.operations));
    operationTables.set(model, table);
  }
  return table.get(name);
}

const TOO_LARGE = Buffer.from('too large');
const CONTROL_MAX_BODY_BYTES = 1024 * 1024;

function tooLarge(service: ServiceName, limit: number): ServiceError {
  if (service === 's3') return s3Error('EntityTooLarge', `Your proposed upload exceeds the maximum allowed size of ${limit} bytes.`, 400);
  return new ServiceError('ValidationException', `The request body is larger than the ${limit} bytes this endpoint accepts.`, 413);
}

const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/i;
const LOOPBACK_ORIGIN = /^https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/i;

/**
 * Why a control request is refused, if it is. The emulator also serves the sandbox, so a web page
 * the user visits must not reset its state or read it: only loopback clients, a loopback Host (no
 * DNS rebinding), no Origin or a loopback one, and JSON bodies (a cross-origin form or text/plain
 * POST needs no preflight; application/json does).
 */
function controlRefusal(req: IncomingMessage): string | undefined {
  if (!isLoopback(req.socket.remoteAddress)) return 'the control endpoint only answers loopback clients';
  if (!LOOPBACK_HOST.test(header(req, 'host') ?? '')) return 'the control endpoint only answers requests for a loopback host name';
  const origin = header(req, 'origin');
  if (origin !== undefined && !LOOPBACK_ORIGIN.test(origin)) return 'the control endpoint does not answer requests from web pages';
  if (req.method === 'POST' && !/^application\/json\s*(?:;|$)/i.test(header(req, 'content-type') ?? '')) return 'the control endpoint takes only application/json';
  return undefined;
}

function awsJsonError(model: ServiceModel, e: ServiceError, requestId: string): Reply {
  const messageKey = model.shapes[e.code]?.members?.Message ? 'Message' : 'message';
  return {
    status: e.status,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId, ...e.headers },
    body: JSON.stringify({ __type: e.code, [messageKey]: e.message, ...e.fields }),
  };
}

function restJsonError(model: ServiceModel, e: ServiceError, requestId: string): Reply {
  const messageKey = model.shapes[e.code]?.members?.Message ? 'Message' : 'message';
  return {
    status: e.status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': e.code, 'x-amzn-requestid': requestId, ...e.headers },
    body: JSON.stringify({ [messageKey]: e.message, ...e.fields }),
  };
}

function unknownOperation(service: string | undefined, target: string | undefined): Reply {
  const message = target ? `The operation ${target} is not known to this service.` : 'The request does not match any operation of this service.';
  if (service === 'states' || service === 'airflow-serverless' || service === 'logs' || target) {
    return { status: 400, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ __type: 'UnknownOperationException', message }) };
  }
  return { status: 404, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'UnknownOperationException' }, body: JSON.stringify({ message }) };
}

function authError(service: ServiceName, reason: 'missing' | 'unknown-key' | 'mismatch' | 'bad-date'): ServiceError {
  if (service === 's3') {
    if (reason === 'missing') return s3Error('AccessDenied', 'Access Denied', 403);
    if (reason === 'unknown-key') return s3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403);
    return s3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', 403);
  }
  if (reason === 'missing') return new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
  if (reason === 'unknown-key') return new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403);
  if (reason === 'bad-date') return new ServiceError('IncompleteSignatureException', 'The X-Amz-Date header is missing or does not match the credential scope.', 403);
  return new ServiceError(
    'InvalidSignatureException',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    403,
  );
}

/** A JSON object body (empty means `{}`); undefined when it is not one. */
function parseJsonObject(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The body, or 'too-large' as soon as more than `limit` bytes arrive (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const SECRET_HEADERS = new Set(['authorization', 'x-amz-security-token', 'cookie']);

function redactHeaders(headers: IncomingMessage['headers']): Record<string, string | string[] | undefined> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !SECRET_HEADERS.has(k)));
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = new Emulator(opts);
  const airflow = await startAirflowWebServer(emulator.runtime, opts.airflowPort ?? 0);
  emulator.runtime.airflowPort = airflow.port;
  emulator.initialise();
  const server = createServer((req, res) => {
    emulator.handle(req, res).catch((e: unknown) => {
      if (!opts.quiet) console.error('emulator: request failed:', e);
      // Before the service is known: the JSON protocols' shape, and never the stack.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ __type: 'InternalFailure', message: 'The emulator failed to handle the request.' }));
    });
  });
  server.keepAliveTimeout = 5000;
  let port: number;
  try {
    port = await listen(server, opts.port ?? 4566);
  } catch (e) {
    airflow.server.close();
    throw e;
  }
  const endpoint = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    port,
    airflowPort: airflow.port,
    controlUrl: `${endpoint}/_emulator`,
    stop() {
      stopped ??= (async () => {
        emulator.store.save();
        await Promise.all([closeServer(server), closeServer(airflow.server)]);
      })();
      return stopped;
    },
  };
}

function closeServer(server: Server | import('node:https').Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
