// Customer managed KMS keys as Step Functions sees them: each key has a state and says whether the
// caller may decrypt with it (set in seed files). Requests that need a key (ALL_DATA describes,
// and creates, updates and starts with a customer managed key) go through useKey, which answers
// Step Functions' own Kms* errors; queued kms* faults come first. Keys no seed names are usable.
import { ServiceError } from '../protocol/errors';
import type { RequestContext } from './context';

export type KmsKeyState = 'Enabled' | 'Disabled' | 'PendingDeletion';

export interface KmsKey {
  keyId: string;
  aliases: string[];
  state: KmsKeyState;
  callerMayDecrypt: boolean;
}

export interface KmsState {
  keys: Record<string, KmsKey>;
}

export interface KmsKeySeed {
  keyId: string;
  aliases?: string[];
  state?: KmsKeyState;
  callerMayDecrypt?: boolean;
}

/** What the request does with the key: read protected data, or protect new data. */
export type KmsUse = 'decrypt' | 'encrypt';

export const KMS_FAULT_KINDS = ['kmsAccessDenied', 'kmsDisabled', 'kmsThrottle'] as const;
export type KmsFaultKind = (typeof KMS_FAULT_KINDS)[number];

const KMS_API_STATE: Record<KmsKeyState, string | undefined> = { Enabled: undefined, Disabled: 'DISABLED', PendingDeletion: 'PENDING_DELETION' };

function kmsState(ctx: RequestContext): KmsState {
  const region = ctx.store.region(ctx.region);
  return (region.kms ??= { keys: {} });
}

export function seedKmsKey(ctx: RequestContext, seed: KmsKeySeed): void {
  kmsState(ctx).keys[seed.keyId] = { keyId: seed.keyId, aliases: seed.aliases ?? [], state: seed.state ?? 'Enabled', callerMayDecrypt: seed.callerMayDecrypt ?? true };
}

/** The key a key ID, key ARN, alias name or alias ARN names in this region, if seeded. */
function findKey(ctx: RequestContext, id: string): KmsKey | undefined {
  const local = id.replace(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:/, '').replace(/^key\//, '');
  return Object.values(kmsState(ctx).keys).find((k) => k.keyId === local || k.aliases.includes(local));
}

/** The key as an ARN, the way KMS names it in its messages. */
function keyArn(ctx: RequestContext, id: string, key: KmsKey | undefined): string {
  if (id.startsWith('arn:')) return id;
  const local = key ? `key/${key.keyId}` : id.startsWith('alias/') ? id : `key/${id}`;
  return `arn:aws:kms:${ctx.region}:${ctx.accountId}:${local}`;
}

const kmsAction = (use: KmsUse) => (use === 'decrypt' ? 'kms:Decrypt' : 'kms:GenerateDataKey');

function accessDenied(ctx: RequestContext, arn: string, use: KmsUse): ServiceError {
  const action = kmsAction(use);
  return new ServiceError('KmsAccessDeniedException', `User: arn:aws:iam::${ctx.accountId}:user/test is not authorized to perform: ${action} on resource: ${arn} because no identity-based policy allows the ${action} action (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException)`);
}

function invalidState(arn: string, state: 'DISABLED' | 'PENDING_DELETION', operation: string): ServiceError {
  const words = state === 'DISABLED' ? 'is disabled' : 'is pending deletion';
  // CreateStateMachine and UpdateStateMachine have no KmsInvalidStateException in the model: they refuse the configuration.
  if (/^(Create|Update)/.test(operation)) return new ServiceError('InvalidEncryptionConfiguration', `Invalid Encryption Configuration: ${arn} ${words}.`);
  return new ServiceError('KmsInvalidStateException', `${arn} ${words}. (Service: AWSKMS; Status Code: 400; Error Code: ${state === 'DISABLED' ? 'DisabledException' : 'KMSInvalidStateException'})`, 400, { kmsKeyState: state });
}

/** Throws what Step Functions answers when `operation` needs the customer managed key `id` and cannot use it. */
export function useKey(ctx: RequestContext, operation: string, id: string, use: KmsUse): void {
  const key = findKey(ctx, id);
  const arn = keyArn(ctx, id, key);
  const fault = ctx.takeKmsFault?.();
  if (fault === 'kmsAccessDenied') throw accessDenied(ctx, arn, use);
  if (fault === 'kmsDisabled') throw invalidState(arn, 'DISABLED', operation);
  if (fault === 'kmsThrottle') throw new ServiceError('KmsThrottlingException', 'Rate exceeded (Service: AWSKMS; Status Code: 400; Error Code: ThrottlingException)');
  if (!key) return;
  const state = KMS_API_STATE[key.state];
  if (state === 'DISABLED' || state === 'PENDING_DELETION') throw invalidState(arn, state, operation);
  if (use === 'decrypt' && !key.callerMayDecrypt) throw accessDenied(ctx, arn, use);
}
