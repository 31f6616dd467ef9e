// Reading what a customer managed KMS key protects. Step Functions encrypts a state machine's
// definition and its executions' input and output with the key; a caller without kms:Decrypt on
// it gets KmsAccessDeniedException unless it asks for METADATA_ONLY, which answers everything
// else. So: ask for ALL_DATA where the content is needed, fall back to METADATA_ONLY when the key
// refuses, and say which key and which permission in one sentence.

import type { DescribeExecutionOutput, DescribeStateMachineOutput, SFNClient } from '@aws-sdk/client-sfn';
import { AwsActionError, callAws, toAwsActionError, type AwsCallContext } from './errors';
import type { SfnSdk } from './lazySdk';

export interface SfnHandle {
  client: SFNClient;
  sdk: SfnSdk;
}

type StatesCall = Omit<AwsCallContext, 'service' | 'operation'> & { region: string };

const KEY_FALLBACK = 'its customer managed KMS key';

export function definitionUnreadable(name: string, key: string | undefined): string {
  return `The definition of ${name} is encrypted with ${key ?? KEY_FALLBACK}; reading it needs kms:Decrypt on that key.`;
}

export function executionDataUnreadable(name: string, key: string | undefined): string {
  return `The input and output of execution ${name} are encrypted with ${key ?? KEY_FALLBACK}; reading them needs kms:Decrypt on that key.`;
}

/** The KMS refusal behind a failed call, or undefined when it failed for another reason (rethrown). */
function kmsRefusal(err: unknown): AwsActionError {
  if (err instanceof AwsActionError && err.kind.startsWith('kms-')) return err;
  throw err;
}

export interface StateMachineContent {
  /** With `unreadable`, the METADATA_ONLY answer without its placeholder definition. */
  machine: DescribeStateMachineOutput;
  /** Why the definition is missing (the key and kms:Decrypt), when the key refused. */
  unreadable?: string;
  kmsKey?: string;
}

async function describeMetadata(h: SfnHandle, stateMachineArn: string): Promise<DescribeStateMachineOutput | undefined> {
  try {
    return await h.client.send(new h.sdk.DescribeStateMachineCommand({ stateMachineArn, includedData: 'METADATA_ONLY' }));
  } catch {
    return undefined;
  }
}

/** The state machine's customer managed key as the service reports it (a METADATA_ONLY describe needs no key). */
export async function stateMachineKmsKey(h: SfnHandle, stateMachineArn: string): Promise<string | undefined> {
  return (await describeMetadata(h, stateMachineArn))?.encryptionConfiguration?.kmsKeyId;
}

/** DescribeStateMachine for its definition: ALL_DATA, else METADATA_ONLY with the reason. */
export async function describeStateMachineContent(h: SfnHandle, stateMachineArn: string, call: StatesCall & { resource: string }): Promise<StateMachineContent> {
  const ctx: AwsCallContext = { service: 'states', operation: 'DescribeStateMachine', ...call };
  try {
    return { machine: await callAws(ctx, () => h.client.send(new h.sdk.DescribeStateMachineCommand({ stateMachineArn, includedData: 'ALL_DATA' }))) };
  } catch (err) {
    const refusal = kmsRefusal(err);
    const metadata = await describeMetadata(h, stateMachineArn);
    const kmsKey = metadata?.encryptionConfiguration?.kmsKeyId;
    if (!metadata || refusal.kind !== 'kms-access-denied') throw toAwsActionError(refusal.cause, { ...ctx, kmsKey });
    // METADATA_ONLY answers `{}` for the definition: not something to show or compare.
    return { machine: { ...metadata, definition: undefined } as unknown as DescribeStateMachineOutput, unreadable: definitionUnreadable(call.resource, kmsKey), kmsKey };
  }
}

export interface ExecutionContent {
  execution: DescribeExecutionOutput;
  unreadable?: string;
  kmsKey?: string;
}

/** DescribeExecution for its input and output: ALL_DATA, else METADATA_ONLY with the reason. */
export async function describeExecutionContent(h: SfnHandle, executionArn: string, call: StatesCall): Promise<ExecutionContent> {
  const ctx: AwsCallContext = { service: 'states', operation: 'DescribeExecution', resource: executionArn, ...call };
  try {
    return { execution: await callAws(ctx, () => h.client.send(new h.sdk.DescribeExecutionCommand({ executionArn, includedData: 'ALL_DATA' }))) };
  } catch (err) {
    const refusal = kmsRefusal(err);
    // The execution's record has no key; the state machine it ran has.
    const kmsKey = await h.client
      .send(new h.sdk.DescribeStateMachineForExecutionCommand({ executionArn, includedData: 'METADATA_ONLY' }))
      .then((d) => d.encryptionConfiguration?.kmsKeyId, () => undefined);
    if (refusal.kind !== 'kms-access-denied') throw toAwsActionError(refusal.cause, { ...ctx, kmsKey });
    let execution: DescribeExecutionOutput;
    try {
      execution = await h.client.send(new h.sdk.DescribeExecutionCommand({ executionArn, includedData: 'METADATA_ONLY' }));
    } catch {
      throw toAwsActionError(refusal.cause, { ...ctx, kmsKey });
    }
    return { execution, unreadable: executionDataUnreadable(execution.name ?? executionArn, kmsKey), kmsKey };
  }
}

/** Runs a call on a state machine; a KMS refusal names the state machine's key. */
export async function withStateMachineKey<T>(h: SfnHandle, stateMachineArn: string, ctx: AwsCallContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await callAws(ctx, fn);
  } catch (err) {
    const refusal = kmsRefusal(err);
    throw toAwsActionError(refusal.cause, { ...ctx, kmsKey: ctx.kmsKey ?? (await stateMachineKmsKey(h, stateMachineArn)) });
  }
}
