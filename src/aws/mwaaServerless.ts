// Our MWAA Serverless client (no SDK package is published for it): awsJson1_0 over HTTPS,
// SigV4-signed, typed from the model (mwaaServerless.generated.ts), with the SDK's retry policy.

import { randomUUID } from 'node:crypto';
import { MalformedResponseError } from './errors';
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
import { retryErrorType } from './retry';
import { SignedTransport, deserializeShape, serviceErrorFrom, type PreparedRequest, type RawResponse, type ShapeTable, type SignedClientOptions, type UnsignedRequest } from './signedClient';

export * from './mwaaServerless.generated';

/** Reads are safe to resend whatever happened to the first attempt. */
const READ_ONLY = /^(Get|List)/;
export { errorTypeName } from './signedClient';
export type { PreparedRequest } from './signedClient';

export type MwaaServerlessClientOptions = SignedClientOptions;

export class MwaaServerlessClient extends MwaaServerlessOperations {
  readonly region: string;
  readonly endpoint: string;
  private readonly transport: SignedTransport;

  constructor(options: MwaaServerlessClientOptions) {
    super();
    this.transport = new SignedTransport(options, 'airflow-serverless');
    this.region = this.transport.region;
    this.endpoint = this.transport.endpoint;
  }

  /** Stops keeping connections open. */
  destroy(): void {
    this.transport.destroy();
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
    const result = await this.transport.call(operation, jsonRequest(operation, JSON.stringify(body)), (response, metadata) => this.parseResponse(operation, response, metadata), {
      abortSignal: options.abortSignal,
      // UpdateWorkflow has no idempotency token: after a timeout or a 5xx it may have been applied, and a
      // resend would make a second version. Only throttling is retried; the deploy reads the workflow back.
      mayRetry: (err) => READ_ONLY.test(operation) || info.idempotent || !!info.idempotencyToken || retryErrorType(err) === 'THROTTLING',
    });
    return result as OperationTypes[K]['output'] & { $metadata: ResponseMetadata };
  }

  /** The signed HTTP request for an operation; exposed so the signature can be checked independently. */
  prepareRequest(operation: MwaaServerlessOperation, payload: string): Promise<PreparedRequest> {
    return this.transport.sign(jsonRequest(operation, payload));
  }

  private parseResponse(operation: MwaaServerlessOperation, response: RawResponse, metadata: ResponseMetadata): unknown {
    if (response.status < 200 || response.status >= 300) throw toServiceError(response, metadata);
    const parsed = this.transport.parseJsonObject(operation, response, metadata);
    try {
      const output = deserialize(OPERATIONS[operation].output, parsed) as Record<string, unknown>;
      return { ...output, $metadata: metadata };
    } catch (err) {
      throw new MalformedResponseError(`${operation} returned a response that does not match the model: ${(err as Error).message}`, metadata, err);
    }
  }
}

function jsonRequest(operation: MwaaServerlessOperation, payload: string): UnsignedRequest {
  return {
    method: 'POST',
    path: '/',
    headers: {
      'content-type': `application/x-amz-json-${MWAA_SERVERLESS_METADATA.jsonVersion}`,
      'x-amz-target': `${MWAA_SERVERLESS_METADATA.targetPrefix}.${operation}`,
    },
    body: payload,
  };
}

function toServiceError(response: RawResponse, metadata: ResponseMetadata): MwaaServerlessServiceException {
  return serviceErrorFrom<MwaaServerlessServiceException>(
    response,
    (typeName) => {
      const known = EXCEPTIONS[typeName];
      if (!known) return undefined;
      return (message, body) => {
        let fields = body;
        try {
          fields = deserialize(typeName, body) as Record<string, unknown>;
        } catch {
          // keep the raw fields: the error itself matters more than their exact types
        }
        return known.create(message, metadata, fields);
      };
    },
    (name, message, fault) => new MwaaServerlessServiceException(name, message, fault, metadata),
  );
}

/** Walks a value by model shape: ISO-8601 (or epoch-seconds) timestamps become Dates. */
export function deserialize(shapeName: string, value: unknown): unknown {
  return deserializeShape(SHAPES as ShapeTable, shapeName, value);
}
