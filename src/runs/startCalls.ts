// The Step Functions calls behind Start Execution, without vscode: StartExecution for Standard
// state machines, StartSyncExecution for Express ones, and the refusals worth their own sentence.

import { AwsActionError, awsSaidIn, callAws, type AwsCallContext } from '../aws/errors';
import { withStateMachineKey } from '../aws/stepFunctionsContent';
import type { ExplorerAws } from '../explorer/model/listing';
import type { ResourceRef } from '../explorer/model/resources';

/** What is started: a state machine, one of its versions, or an alias. */
export type StartTarget = Pick<ResourceRef, 'kind' | 'region' | 'name' | 'arn'> & { type?: string };

/** `arn:…:stateMachine:Name[:version|:alias]` → `arn:…:stateMachine:Name`. */
function baseStateMachineArn(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}

/**
 * The state machine of that name in a region, or undefined. A name is unique per account and region,
 * so the search stops at the first match; it also stops after 50 pages of 1000, far beyond the default
 * quota of 10,000 state machines per account and region.
 */
export async function findStateMachineByName(aws: ExplorerAws, region: string, name: string): Promise<{ stateMachineArn?: string; type?: string } | undefined> {
  const ctx = { service: 'states' as const, operation: 'ListStateMachines', region, resource: name };
  const { client, sdk } = await callAws(ctx, () => aws.sfn(region));
  let nextToken: string | undefined;
  for (let page = 0; page < 50; page++) {
    const out = await callAws(ctx, () => client.send(new sdk.ListStateMachinesCommand({ maxResults: 1000, nextToken })));
    const found = out.stateMachines?.find((m) => m.name === name);
    if (found) return found;
    nextToken = out.nextToken;
    if (!nextToken) return undefined;
  }
  return undefined;
}

/** STANDARD or EXPRESS: from the tree when it knows, else DescribeStateMachine of the state machine. */
export async function stateMachineType(aws: ExplorerAws, target: StartTarget): Promise<string> {
  if (target.type) return target.type;
  const arn = baseStateMachineArn(target.arn ?? '');
  const out = await callAws({ service: 'states', operation: 'DescribeStateMachine', region: target.region, resource: target.name }, async () => {
    const { client, sdk } = await aws.sfn(target.region);
    return client.send(new sdk.DescribeStateMachineCommand({ stateMachineArn: arn, includedData: 'METADATA_ONLY' }));
  });
  return out.type ?? 'STANDARD';
}

export interface StartedStandard {
  executionArn: string;
  startDate?: Date;
}

export interface SyncResult {
  executionArn: string;
  name?: string;
  status: string;
  startDate?: Date;
  stopDate?: Date;
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
  billingDetails?: { billedMemoryUsedInMB?: number; billedDurationInMilliseconds?: number };
}

export async function startStandard(aws: ExplorerAws, target: StartTarget, input: string, name: string | undefined): Promise<StartedStandard> {
  const ctx: AwsCallContext = { service: 'states', operation: 'StartExecution', region: target.region, resource: target.name };
  const handle = await callAws(ctx, () => aws.sfn(target.region));
  try {
    const out = await withStateMachineKey(handle, baseStateMachineArn(target.arn ?? ''), ctx, () =>
      handle.client.send(new handle.sdk.StartExecutionCommand({ stateMachineArn: target.arn, input, name: name || undefined })),
    );
    return { executionArn: out.executionArn ?? '', startDate: out.startDate };
  } catch (err) {
    throw startRefusal(err, ctx, name);
  }
}

/** Five minutes of execution and half a minute for the request itself. */
const SYNC_REQUEST_TIMEOUT_MS = 330_000;

export async function startSync(aws: ExplorerAws, target: StartTarget, input: string, name: string | undefined, signal?: AbortSignal): Promise<SyncResult> {
  const ctx: AwsCallContext = { service: 'states', operation: 'StartSyncExecution', region: target.region, resource: target.name };
  const handle = await callAws(ctx, () => aws.sfn(target.region));
  try {
    const out = await withStateMachineKey(handle, baseStateMachineArn(target.arn ?? ''), ctx, () =>
      // The answer comes when the execution ends: Express workflows run for up to five minutes
      // (Step Functions quotas), longer than the request timeout of ordinary calls. Cancel aborts it.
      handle.client.send(new handle.sdk.StartSyncExecutionCommand({ stateMachineArn: target.arn, input, name: name || undefined }), { abortSignal: signal, requestTimeout: SYNC_REQUEST_TIMEOUT_MS }),
    );
    return {
      executionArn: out.executionArn ?? '',
      name: out.name,
      status: out.status ?? 'UNKNOWN',
      startDate: out.startDate,
      stopDate: out.stopDate,
      input: out.input,
      output: out.output,
      error: out.error,
      cause: out.cause,
      billingDetails: out.billingDetails,
    };
  } catch (err) {
    throw startRefusal(err, ctx, name);
  }
}

/** The service's own reason, when it says more than the general sentence for its family. */
function startRefusal(err: unknown, ctx: AwsCallContext, name: string | undefined): unknown {
  const cause = err instanceof AwsActionError ? err.cause : err;
  const code = (cause as { name?: string } | undefined)?.name;
  const said = awsSaidIn(cause);
  const tried = `Step Functions ${ctx.operation} for ${ctx.resource} in ${ctx.region} failed`;
  const refuse = (sentence: string) => new AwsActionError(sentence, { cause, kind: err instanceof AwsActionError ? err.kind : 'validation', context: ctx });
  switch (code) {
    case 'ExecutionAlreadyExists':
      return refuse(`${tried}: an execution named "${name ?? ''}" already exists (a name stays taken for 90 days). Choose another name, or leave it empty for a generated one.`);
    case 'InvalidName':
      return refuse(`${tried}: the execution name "${name ?? ''}" is not valid${said ? ` (AWS said: ${said})` : ''}. Use 1–80 characters without white space, brackets, wildcards, special characters or control characters.`);
    case 'InvalidExecutionInput':
      return refuse(`${tried}: AWS refused the input${said ? ` (${said})` : ''}. Give a JSON value of at most 256 KiB.`);
    case 'StateMachineDeleting':
      return refuse(`${tried}: the state machine is being deleted, so it cannot start executions. Deploy it again to run it.`);
    case 'StateMachineTypeNotSupported':
      return refuse(`${tried}: ${ctx.operation === 'StartSyncExecution' ? 'only Express state machines run synchronously' : 'this state machine type does not support it'}. Refresh the AWS Workflows view and start it again.`);
    case 'ExecutionLimitExceeded':
      return refuse(`${tried}: the account has reached its limit of open executions. Wait for some to finish or stop them, then start again.`);
    default:
      return err;
  }
}
