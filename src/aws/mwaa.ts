// Our client for every Amazon MWAA operation we call (restJson1, typed from mwaa.generated.ts):
// ListEnvironments, GetEnvironment, CreateWebLoginToken and InvokeRestApi. The registry's
// @aws-sdk/client-mwaa stops at 3.523.0, which predates InvokeRestApi and bundled its own old copy
// of the SDK core (about 500 KB); this shares SignedTransport (SigV4, retries, timeouts,
// cancellation) with our MWAA Serverless client. Requests go to the model's `api.`/`env.` host
// prefix on AWS's own endpoint and to the configured host unchanged when the endpoint is overridden.

import { MalformedResponseError } from './errors';
import { EXCEPTIONS, MwaaOperations, MwaaServiceException, OPERATIONS, SHAPES, STRING_LENGTHS, type MwaaOperation, type OperationTypes, type ResponseMetadata, type SendOptions } from './mwaa.generated';
import { retryErrorType } from './retry';
import { SignedTransport, deserializeShape, serviceErrorFrom, type PreparedRequest, type RawResponse, type ShapeTable, type SignedClientOptions, type UnsignedRequest } from './signedClient';

export * from './mwaa.generated';

/** InvokeRestApi's Path limit (the model's RestApiPath). */
export const RESTAPI_PATH_MAX: number = STRING_LENGTHS.RestApiPath.max;

export class MwaaClient extends MwaaOperations {
  readonly region: string;
  readonly endpoint: string;
  /** The longest Path InvokeRestApi accepts (RESTAPI_PATH_MAX), for callers that load this module lazily. */
  readonly pathMax = RESTAPI_PATH_MAX;
  private readonly transport: SignedTransport;

  constructor(options: SignedClientOptions) {
    super();
    this.transport = new SignedTransport(options, 'airflow');
    this.region = this.transport.region;
    this.endpoint = this.transport.endpoint;
  }

  destroy(): void {
    this.transport.destroy();
  }

  override async send<K extends MwaaOperation>(operation: K, input: OperationTypes[K]['input'], options: SendOptions = {}): Promise<OperationTypes[K]['output'] & { $metadata: ResponseMetadata }> {
    const method = (input as { Method?: string }).Method;
    const result = await this.transport.call(operation, restJsonRequest(operation, input as unknown as Record<string, unknown>), (response, metadata) => this.parseResponse(operation, response, metadata), {
      abortSignal: options.abortSignal,
      // An Airflow GET is safe to resend; a trigger or a pause after a timeout may have been applied.
      // MWAA's own operations are retried as the SDK retries them (a second login token does no harm).
      mayRetry: operation === 'InvokeRestApi' ? (err) => method === 'GET' || retryErrorType(err) === 'THROTTLING' : undefined,
    });
    return result as OperationTypes[K]['output'] & { $metadata: ResponseMetadata };
  }

  /** The signed HTTP request; exposed so the signature and host can be checked independently. */
  prepareRequest<K extends MwaaOperation>(operation: K, input: OperationTypes[K]['input']): Promise<PreparedRequest> {
    return this.transport.sign(restJsonRequest(operation, input as unknown as Record<string, unknown>));
  }

  private parseResponse(operation: MwaaOperation, response: RawResponse, metadata: ResponseMetadata): unknown {
    if (response.status < 200 || response.status >= 300) throw toServiceError(response, metadata);
    const parsed = this.transport.parseJsonObject(operation, response, metadata);
    try {
      return { ...(deserializeShape(SHAPES as ShapeTable, OPERATIONS[operation].output, parsed) as Record<string, unknown>), $metadata: metadata };
    } catch (err) {
      throw new MalformedResponseError(`${operation} returned a response that does not match the model: ${(err as Error).message}`, metadata, err);
    }
  }
}

/**
 * restJson1: URI labels percent-encoded into the path, query and header members placed, the rest as
 * the JSON body. As in the SDK, an operation whose input has no body member (GetEnvironment, a GET
 * with only a label) sends no body and no content type.
 */
export function restJsonRequest(operation: MwaaOperation, input: Record<string, unknown>): UnsignedRequest {
  const { http, input: inputShape } = OPERATIONS[operation];
  const body: Record<string, unknown> = { ...input };
  const path = http.requestUri.replace(/\{(\w+)\}/g, (_, label: string) => {
    const member = Object.keys(http.uri).find((m) => http.uri[m] === label) ?? label;
    const value = input[member];
    if (value === undefined || value === null || value === '') throw new Error(`${operation}: ${member} is required`);
    delete body[member];
    return encodeURIComponent(String(value));
  });
  const query: Record<string, string> = {};
  for (const [member, name] of Object.entries(http.query)) {
    if (input[member] !== undefined && input[member] !== null) query[name] = String(input[member]);
    delete body[member];
  }
  const members = Object.keys((SHAPES[inputShape] as { members?: Record<string, string> }).members ?? {});
  const hasBody = members.some((m) => !(m in http.uri) && !(m in http.query) && !(m in http.header));
  const headers: Record<string, string> = hasBody ? { 'content-type': 'application/json' } : {};
  for (const [member, name] of Object.entries(http.header)) {
    if (input[member] !== undefined) headers[name.toLowerCase()] = String(input[member]);
    delete body[member];
  }
  return { method: http.method, path, query, hostPrefix: http.hostPrefix, headers, body: hasBody ? JSON.stringify(body) : '' };
}

function toServiceError(response: RawResponse, metadata: ResponseMetadata): MwaaServiceException {
  return serviceErrorFrom<MwaaServiceException>(
    response,
    (typeName) => {
      const known = EXCEPTIONS[typeName];
      return known && ((message, body) => known.create(message, metadata, body));
    },
    (name, message, fault) => new MwaaServiceException(name, message, fault, metadata),
  );
}
