// Turns any failure of an AWS call into one sentence a person can act on:
// what we tried (operation, resource, region), what AWS said, and what to do next.
// Pure: no vscode, no SDK import; errors are recognised by name, code and HTTP status.

import { redact } from '../core/log';
import { AWS_SERVICES, type AwsServiceKey } from './services.generated';
import { THROTTLING_ERROR_NAMES } from './throttlingErrors';

export type { AwsServiceKey } from './services.generated';

export interface AwsCallContext {
  service: AwsServiceKey;
  operation: string;
  resource?: string;
  region?: string;
  /** The endpoint the request went to, when known (the session attaches it to errors). */
  endpoint?: string;
  /** The customer managed KMS key of the resource, exactly as the service reports it, when known. */
  kmsKey?: string;
}

export type AwsErrorKind =
  | 'credentials-process'
  | 'credentials-missing'
  | 'credentials-expired'
  | 'sso-expired'
  | 'credentials-invalid'
  | 'access-denied'
  | 'kms-access-denied'
  | 'kms-invalid-state'
  | 'kms-throttled'
  | 'throttled'
  | 'network'
  | 'not-found'
  | 'validation'
  | 'conflict'
  | 'quota'
  | 'server'
  | 'malformed-response'
  | 'region'
  | 'unknown';

/** An AWS call failed; `.message` is safe to show, `.cause` keeps the original error. */
export class AwsActionError extends Error {
  readonly kind: AwsErrorKind;
  readonly context: AwsCallContext;
  constructor(message: string, options: { cause: unknown; kind: AwsErrorKind; context: AwsCallContext }) {
    super(message, { cause: options.cause });
    this.name = 'AwsActionError';
    this.kind = options.kind;
    this.context = options.context;
  }
}

/**
 * Credentials could not be resolved. Thrown by the session's credential provider, so the
 * message can name the profile and the exact command that fixes it.
 */
export class AwsCredentialsError extends Error {
  readonly kind: 'credentials-missing' | 'credentials-expired' | 'sso-expired' | 'credentials-invalid' | 'credentials-process';
  readonly profile?: string;
  constructor(message: string, options: { kind: AwsCredentialsError['kind']; profile?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'AwsCredentialsError';
    this.kind = options.kind;
    this.profile = options.profile;
  }
}

/** Thrown when a response body cannot be understood (not JSON, wrong shape). */
export class MalformedResponseError extends Error {
  readonly $metadata: { httpStatusCode?: number; requestId?: string };
  constructor(message: string, metadata: { httpStatusCode?: number; requestId?: string } = {}, cause?: unknown) {
    super(message, { cause });
    this.name = 'MalformedResponseError';
    this.$metadata = metadata;
  }
}

/** Where the session records the call an SDK or client error came from (set on the error object). */
export const AWS_CALL_INFO = '$awsCall';
export interface AwsCallInfo {
  service: AwsServiceKey;
  operation: string;
  region: string;
  endpoint: string;
  /** True when the endpoint comes from AWS_ENDPOINT_URL* or endpoint_url, not AWS's own. */
  overridden: boolean;
}

// IAM actions whose names differ from the API operation (S3's are the well-known exceptions).
const IAM_ACTION_EXCEPTIONS: Partial<Record<AwsServiceKey, Record<string, string>>> = {
  s3: {
    ListObjectsV2: 'ListBucket',
    ListObjects: 'ListBucket',
    HeadBucket: 'ListBucket',
    HeadObject: 'GetObject',
    GetObjectAttributes: 'GetObjectAttributes',
    CopyObject: 'PutObject',
    CreateMultipartUpload: 'PutObject',
    UploadPart: 'PutObject',
    CompleteMultipartUpload: 'PutObject',
    ListObjectVersions: 'ListBucketVersions',
    GetBucketLocation: 'GetBucketLocation',
  },
};

/** The IAM action a call needs, e.g. `states:CreateStateMachine`; the prefix is the model's signing name. */
export function iamActionFor(service: AwsServiceKey, operation: string): string {
  const op = operation.replace(/Command$/, '');
  const action = IAM_ACTION_EXCEPTIONS[service]?.[op] ?? op;
  return `${AWS_SERVICES[service].signingName}:${action}`;
}

interface ErrorFacts {
  name: string;
  code: string;
  message: string;
  status?: number;
  attempts?: number;
  requestId?: string;
  fields: Record<string, unknown>;
  call?: AwsCallInfo;
}

function factsOf(err: unknown): ErrorFacts {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as Record<string, unknown>;
  const meta = (e.$metadata ?? {}) as { httpStatusCode?: number; attempts?: number; requestId?: string };
  const status = meta.httpStatusCode ?? (e.$response as { statusCode?: number } | undefined)?.statusCode;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const code = typeof e.Code === 'string' ? e.Code : typeof e.code === 'string' ? e.code : name;
  const message = typeof e.message === 'string' && e.message ? e.message : typeof e.Message === 'string' ? e.Message : '';
  return {
    name,
    code,
    message,
    status,
    attempts: meta.attempts,
    requestId: meta.requestId,
    fields: e,
    call: e[AWS_CALL_INFO] as AwsCallInfo | undefined,
  };
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  'ECONNABORTED', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID', 'EPROTO',
]);
const ACCESS_DENIED = new Set([
  'AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException', 'Forbidden',
  'AuthorizationError', 'NotAuthorized', 'AllAccessDisabled',
]);
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired', 'RequestTimeTooSkewed']);
const INVALID_CREDENTIALS = new Set([
  'InvalidClientTokenId', 'UnrecognizedClientException', 'InvalidAccessKeyId', 'SignatureDoesNotMatch',
  'InvalidSignatureException', 'IncompleteSignature', 'IncompleteSignatureException', 'MissingAuthenticationToken',
  'MissingAuthenticationTokenException', 'InvalidToken',
]);
// Step Functions' own names for what KMS refused when the service used the key for the caller.
const KMS_ERRORS: Record<string, AwsErrorKind> = {
  KmsAccessDeniedException: 'kms-access-denied',
  KmsInvalidStateException: 'kms-invalid-state',
  KmsThrottlingException: 'kms-throttled',
};
const NOT_FOUND = /NotFound|DoesNotExist|NoSuch/;
const CONFLICT = /Conflict|AlreadyExists|InUse|ResourceInUse/;
const QUOTA = /QuotaExceeded|LimitExceeded/;
const VALIDATION = /Validation|Invalid|BadRequest|MissingParameter|MissingRequired|Malformed(?!Response)|SerializationException/;

/** Classifies an error into the family that decides what the user is told. */
export function classifyAwsError(err: unknown): AwsErrorKind {
  if (err instanceof AwsActionError) return err.kind;
  if (err instanceof AwsCredentialsError) return err.kind;
  if (err instanceof MalformedResponseError) return 'malformed-response';
  const f = factsOf(err);
  if (f.name === 'CredentialsProviderError' || /Could not load credentials|Unable to locate credentials/i.test(f.message)) {
    if (/sso/i.test(f.message) && /expired|invalid|refresh/i.test(f.message)) return 'sso-expired';
    if (/expired/i.test(f.message)) return 'credentials-expired';
    return 'credentials-missing';
  }
  if (f.name === 'TokenProviderError' || /SSO session .*(expired|invalid)|sso.*token.*expired/i.test(f.message)) return 'sso-expired';
  if (EXPIRED.has(f.code) || EXPIRED.has(f.name)) return 'credentials-expired';
  const kms = KMS_ERRORS[f.name] ?? KMS_ERRORS[f.code];
  if (kms) return kms;
  if (INVALID_CREDENTIALS.has(f.code) || INVALID_CREDENTIALS.has(f.name)) return 'credentials-invalid';
  if (ACCESS_DENIED.has(f.code) || ACCESS_DENIED.has(f.name) || (f.status === 403 && !f.name.includes('Quota'))) return 'access-denied';
  if (THROTTLING_ERROR_NAMES.has(f.code) || THROTTLING_ERROR_NAMES.has(f.name) || /Throttl/.test(f.name) || f.status === 429) return 'throttled';
  const errno = typeof f.fields.code === 'string' ? f.fields.code : undefined;
  if ((errno && NETWORK_CODES.has(errno)) || f.name === 'TimeoutError' || /socket hang up|getaddrinfo|connect ECONNREFUSED|network/i.test(f.message)) return 'network';
  if (f.name === 'SyntaxError' || /Deserialization error|Unexpected token|is not valid JSON|Unexpected end of JSON/i.test(f.message)) return 'malformed-response';
  if (/Region is missing|Invalid region|region.*not (?:valid|supported)/i.test(f.message) || f.code === 'InvalidRegion') return 'region';
  if (NOT_FOUND.test(f.name) || NOT_FOUND.test(f.code) || f.status === 404) return 'not-found';
  if (QUOTA.test(f.name) || f.status === 402) return 'quota';
  if (CONFLICT.test(f.name) || f.status === 409) return 'conflict';
  if (VALIDATION.test(f.name) || VALIDATION.test(f.code)) return 'validation';
  if ((f.status !== undefined && f.status >= 500) || f.fields.$fault === 'server' || /InternalServer|ServiceUnavailable|InternalFailure|ServiceFailure|OperationTimeout/.test(f.name)) return 'server';
  if (f.status === 400) return 'validation';
  return 'unknown';
}

/** What AWS said, without secrets, signed URLs or stack noise; at most one short paragraph. */
function awsSaid(f: ErrorFacts): string {
  let said = redact(f.message.replace(/\s+/g, ' ').trim());
  if (/^Deserialization error/i.test(said)) said = 'the response was not in the expected format';
  if (said.length > 300) said = `${said.slice(0, 297)}…`;
  return said.replace(/[.\s]+$/, '');
}

/**
 * What AWS said in a failure (the SDK error behind an AwsActionError), for a caller's own refusal
 * sentence: redacted, at most 300 characters, without its final full stop; '' when it said nothing.
 */
export function awsSaidIn(err: unknown): string {
  const cause = err instanceof AwsActionError ? err.cause : err;
  return cause === undefined ? '' : awsSaid(factsOf(cause));
}

function validationDetails(f: ErrorFacts): string {
  const list = f.fields.FieldList ?? f.fields.fieldList;
  if (!Array.isArray(list) || list.length === 0) return '';
  const parts = list
    .slice(0, 5)
    .map((x: { Name?: string; name?: string; Message?: string; message?: string }) => `${x.Name ?? x.name ?? '?'}: ${x.Message ?? x.message ?? ''}`.trim());
  return ` (${parts.join('; ')}${list.length > 5 ? '; …' : ''})`;
}

function endpointHint(err: unknown, f: ErrorFacts, ctx: AwsCallContext): string | undefined {
  if (ctx.endpoint) return ctx.endpoint;
  if (f.call?.endpoint) return f.call.endpoint;
  const e = err as { hostname?: string; address?: string; port?: number };
  if (e && typeof e === 'object') {
    if (e.hostname) return e.hostname;
    if (e.address) return `${e.address}${e.port ? `:${e.port}` : ''}`;
  }
  return undefined;
}

function humanService(service: AwsServiceKey): string {
  switch (service) {
    case 'states': return 'Step Functions';
    case 'imagebuilder': return 'EC2 Image Builder';
    case 'airflow': return 'Amazon MWAA';
    case 'airflow-serverless': return 'MWAA Serverless';
    case 's3': return 'Amazon S3';
    case 'logs': return 'CloudWatch Logs';
  }
}

/**
 * The sentence shown to the user for a failed AWS call. `ctx` says what we tried; anything it
 * leaves out is taken from what the session recorded on the error.
 */
export function describeAwsError(err: unknown, ctx: AwsCallContext): string {
  if (err instanceof AwsActionError) return err.message;
  const region = ctx.region ?? factsOf(err).call?.region;
  const target = ctx.resource ? ` for ${ctx.resource}` : '';
  const where = region ? ` in ${region}` : '';
  return sentence(err, `${humanService(ctx.service)} ${ctx.operation.replace(/Command$/, '')}${target}${where}`, ctx, region);
}

/** `tried` is what we attempted, e.g. "Step Functions CreateStateMachine for X in eu-west-1". */
function sentence(err: unknown, tried: string, ctx: AwsCallContext, region: string | undefined): string {
  const f = factsOf(err);
  const where = region ? ` in ${region}` : '';
  const said = awsSaid(f);
  const saidPart = said ? ` AWS said: ${said}.` : '';
  const kind = classifyAwsError(err);
  const profile = err instanceof AwsCredentialsError ? err.profile : undefined;
  const retries = f.attempts && f.attempts > 1 ? f.attempts - 1 : 0;
  switch (kind) {
    case 'credentials-process':
      // Our own sentence (profile and exit status): never the command line or its output.
      return `${tried} failed: ${f.message}`;
    case 'credentials-missing':
      return `${tried} failed: no AWS credentials were found${profile ? ` for profile "${profile}"` : ''}. Choose a profile (AWS Workflows: Choose AWS Profile), run \`aws configure\`, or run \`aws sso login${profile ? ` --profile ${profile}` : ''}\` for an SSO profile.`;
    case 'sso-expired':
      return `${tried} failed: the AWS SSO session${profile ? ` for profile "${profile}"` : ''} has expired. Run \`aws sso login${profile ? ` --profile ${profile}` : ''}\` and try again.`;
    case 'credentials-expired':
      return `${tried} failed: your AWS credentials${profile ? ` (profile "${profile}")` : ''} have expired.${saidPart} Refresh them (\`aws sso login${profile ? ` --profile ${profile}` : ''}\` for SSO, or renew the session keys) and try again; if the clock of this machine is wrong, fix it.`;
    case 'credentials-invalid':
      return `${tried} failed: AWS did not accept your credentials.${saidPart} Check the access key of the chosen profile (\`aws configure\`) or choose another profile.`;
    case 'access-denied':
      return `${tried} failed: access denied.${saidPart} Your identity needs the IAM permission ${iamActionFor(ctx.service, ctx.operation)}${ctx.resource ? ` on ${ctx.resource}` : ''}; ask your administrator to allow it, or choose a profile that has it.`;
    case 'kms-access-denied':
    case 'kms-invalid-state':
    case 'kms-throttled':
      return `${tried} failed: ${kmsSentence(kind, ctx.operation, kmsKeyOf(f, ctx), f.fields.kmsKeyState, retries)}`;
    case 'throttled':
      return `${tried} failed: AWS is throttling requests${retries ? ` (retried ${retries} time${retries === 1 ? '' : 's'})` : ''}.${saidPart} Wait a moment and try again.`;
    case 'network': {
      const endpoint = endpointHint(err, f, ctx);
      const code = typeof f.fields.code === 'string' ? ` (${f.fields.code})` : '';
      return `${tried} failed: could not reach ${endpoint ?? 'the AWS endpoint'}${code}. Check your network connection and proxy${f.call?.overridden ? ', and the endpoint set by AWS_ENDPOINT_URL or endpoint_url' : ''}.`;
    }
    case 'malformed-response': {
      const endpoint = endpointHint(err, f, ctx);
      return `${tried} failed: the response from ${endpoint ?? 'AWS'} could not be read (${said || 'unexpected format'}). ${f.call?.overridden ? 'Check that the endpoint override points at an AWS-compatible service.' : 'Try again; if it persists, report it with the log (AWS Workflows: Show Log).'}`;
    }
    case 'region':
      return `${tried} failed: the region "${region ?? ''}" is not valid.${saidPart} Choose a region (AWS Workflows: Choose AWS Region) or set one in your AWS profile.`;
    case 'not-found':
      return `${tried} failed: ${ctx.resource ? `${ctx.resource} was not found` : 'the resource was not found'}${where}.${saidPart} Check the name and the region.`;
    case 'validation':
      return `${tried} failed: AWS rejected the request: ${said || 'invalid input'}${validationDetails(f)}. Fix the input and try again.`;
    case 'conflict':
      return `${tried} failed: it conflicts with the resource's current state.${saidPart} Refresh, wait for any operation in progress to finish, and try again.`;
    case 'quota':
      return `${tried} failed: a service quota was exceeded.${saidPart} Delete unused resources or request a quota increase in Service Quotas.`;
    case 'server':
      return `${tried} failed: AWS had an internal error${f.status ? ` (HTTP ${f.status})` : ''}${retries ? ` after ${retries + 1} attempts` : ''}.${saidPart} Try again later.`;
    default:
      return `${tried} failed:${said ? ` ${said}.` : ' unknown error.'} See the log (AWS Workflows: Show Log) for details.`;
  }
}

const KMS_KEY_IN_MESSAGE = /arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key|alias)\/[\w/+=,.@-]+/;

/** The key: the one the caller learnt from the resource, else the key ARN AWS's message names. */
function kmsKeyOf(f: ErrorFacts, ctx: AwsCallContext): string | undefined {
  return ctx.kmsKey ?? KMS_KEY_IN_MESSAGE.exec(f.message)?.[0];
}

// Step Functions developer guide, "Data at rest encryption" (encryption-at-rest.html), its KMS
// permissions: creating or updating with a key, starting executions and sending task results
// encrypt (kms:GenerateDataKey); reading definitions, executions and history decrypts (kms:Decrypt).
// https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html
const KMS_ENCRYPTING_OPERATION = /^(Create|Update|Start|SendTask|Publish)/;

/** The KMS permission an operation needs on a customer managed key. */
export function kmsActionFor(operation: string): 'kms:Decrypt' | 'kms:GenerateDataKey' {
  return KMS_ENCRYPTING_OPERATION.test(operation.replace(/Command$/, '')) ? 'kms:GenerateDataKey' : 'kms:Decrypt';
}

const KMS_KEY_STATES: Record<string, { words: string; todo: string }> = {
  DISABLED: { words: 'disabled', todo: 'Enable the key in AWS KMS, then try again.' },
  PENDING_DELETION: { words: 'pending deletion', todo: 'Cancel its deletion in AWS KMS and enable it, then try again.' },
  PENDING_IMPORT: { words: 'waiting for its key material', todo: 'Import the key material in AWS KMS, then try again.' },
  UNAVAILABLE: { words: 'unavailable', todo: "Reconnect the key's custom key store in AWS KMS, then try again." },
  CREATING: { words: 'still being created', todo: 'Wait until AWS KMS has created it, then try again.' },
};

/** What KMS refused, for the sentence after "… failed: ". */
function kmsSentence(kind: 'kms-access-denied' | 'kms-invalid-state' | 'kms-throttled', operation: string, key: string | undefined, state: unknown, retries: number): string {
  const theKey = key ? `the KMS key ${key}` : 'its customer managed KMS key';
  if (kind === 'kms-access-denied') {
    const action = kmsActionFor(operation);
    return `your identity may not use ${theKey}. It needs ${action} on that key; ask the key's administrator to allow it in the key policy or an IAM policy, or choose a profile that has it.`;
  }
  if (kind === 'kms-invalid-state') {
    const known = typeof state === 'string' ? KMS_KEY_STATES[state] : undefined;
    const stateName = typeof state === 'string' && state ? ` (${state})` : '';
    return `${theKey} is ${known?.words ?? 'not in a usable state'}${stateName}. ${known?.todo ?? 'Check the key in AWS KMS, then try again.'}`;
  }
  return `AWS KMS is throttling requests for ${theKey}${retries ? ` (retried ${retries} time${retries === 1 ? '' : 's'})` : ''}. Wait a moment and try again; if it persists, ask for a higher KMS request quota.`;
}

/** One line with everything a maintainer needs (code, status, request id, attempts, endpoint) and no secrets. */
export function describeAwsErrorDetail(err: unknown): string {
  const f = factsOf(err);
  const parts = [`${f.name}${f.code !== f.name ? `/${f.code}` : ''}`];
  if (f.status) parts.push(`HTTP ${f.status}`);
  if (f.requestId) parts.push(`request ${f.requestId}`);
  if (f.attempts) parts.push(`${f.attempts} attempt${f.attempts === 1 ? '' : 's'}`);
  if (f.call) parts.push(`${f.call.service} ${f.call.operation} ${f.call.region} ${f.call.endpoint}`);
  parts.push(JSON.stringify(f.message));
  const cause = (err as { cause?: unknown })?.cause;
  if (cause && cause !== err) parts.push(`cause: ${describeAwsErrorDetail(cause)}`);
  return redact(parts.join(' · '));
}

function isAbort(err: unknown): boolean {
  const name = (err as { name?: string })?.name;
  return name === 'AbortError' || name === 'CancellationError' || name === 'UserCancelled';
}

/** Runs one AWS call; any failure becomes an AwsActionError whose message is the sentence above. */
export async function callAws<T>(ctx: AwsCallContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AwsActionError || isAbort(err)) throw err;
    throw toAwsActionError(err, ctx);
  }
}

export function toAwsActionError(err: unknown, ctx: AwsCallContext): AwsActionError {
  if (err instanceof AwsActionError) return err;
  const call = factsOf(err).call;
  const context: AwsCallContext = { ...ctx, region: ctx.region ?? call?.region, endpoint: ctx.endpoint ?? call?.endpoint };
  return new AwsActionError(describeAwsError(err, context), { cause: err, kind: classifyAwsError(err), context });
}

/**
 * For command boundaries: a sentence for errors that come from AWS calls made outside callAws
 * (the session records service/operation/region on them); undefined for anything else.
 */
export function describeUnwrappedAwsError(err: unknown): string | undefined {
  if (err instanceof AwsActionError) return err.message;
  const call = factsOf(err).call;
  if (call) return describeAwsError(err, { service: call.service, operation: call.operation, region: call.region, endpoint: call.endpoint });
  if (err instanceof AwsCredentialsError) return sentence(err, 'The AWS request', { service: 'states', operation: '' }, undefined);
  return undefined;
}
