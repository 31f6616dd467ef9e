// What every operation handler receives, and how a service describes itself to the router.
import type { ConstraintViolation, ServiceError } from '../protocol/errors';
import type { ModelId } from '../protocol/model';
import type { StateStore } from '../state';

export const ACCOUNT_ID = '000000000000';

/** The signing names the emulator answers to. */
export type ServiceName = 'states' | 'imagebuilder' | 'airflow' | 'airflow-serverless' | 'logs' | 's3';

/** Per-process things that are not persisted (login tokens, ports). */
export interface Runtime {
  pageSize: number;
  airflowPort: number;
  webLoginTokens: Map<string, WebLoginToken>;
  /** Step Functions waits, retry back-off and timeouts run at this fraction of real time. */
  timeScale?: number;
}

export interface WebLoginToken {
  environment: string;
  region: string;
  airflowIdentity: string;
  createdAt: number;
  used: boolean;
}

export interface RequestContext {
  region: string;
  accountId: string;
  store: StateStore;
  runtime: Runtime;
  /** Current time as ISO-8601 (state keeps timestamps as strings). */
  now: string;
  /** Takes a kms* fault queued for this request, if any; called only by requests that need a key. */
  takeKmsFault?: () => 'kmsAccessDenied' | 'kmsDisabled' | 'kmsThrottle' | undefined;
}

// Handlers take the parsed, validated input of their operation.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationHandler = (input: any, ctx: RequestContext) => unknown;

/** A service spoken over JSON (awsJson1_0 or restJson1), driven by its model. */
export interface JsonService {
  name: Exclude<ServiceName, 's3'>;
  modelId: ModelId;
  operations: Record<string, OperationHandler>;
  /** Path notation this service uses in validation messages. */
  pathStyle: 'coral' | 'pointer';
  /** The error the service answers when a request breaks model constraints. */
  validationError(violations: ConstraintViolation[]): ServiceError;
  /** The service's errors for the control endpoint's fault kinds. */
  faults: {
    internal(): ServiceError;
    throttle(): ServiceError;
    accessDenied(operation: string, region: string): ServiceError;
  };
}

export function iamAction(service: ServiceName, operation: string): string {
  return `${service}:${operation}`;
}

export function deniedMessage(service: ServiceName, operation: string, region: string): string {
  return `User: arn:aws:iam::${ACCOUNT_ID}:user/test is not authorized to perform: ${iamAction(service, operation)} on resource: arn:aws:${service}:${region}:${ACCOUNT_ID}:* because no identity-based policy allows the ${iamAction(service, operation)} action`;
}
