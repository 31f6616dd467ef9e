// Stop and Redrive for one execution: what the service says first (DescribeExecution), so a
// refusal is one sentence of ours (already ended, not redrivable and why), then the call.
// No vscode here: the tree commands and the execution view use it, and tests drive it.

import { callAws } from '../../aws/errors';
import type { ExplorerAws } from './listing';

export interface ExecutionRef {
  region: string;
  executionArn: string;
}

/** `arn:…:execution:Machine:name` → `name`. */
export function executionName(executionArn: string): string {
  return executionArn.split(':').pop() ?? executionArn;
}

function describe(aws: ExplorerAws, ref: ExecutionRef) {
  return callAws({ service: 'states', operation: 'DescribeExecution', region: ref.region, resource: executionName(ref.executionArn) }, async () => {
    const { client, sdk } = await aws.sfn(ref.region);
    // METADATA_ONLY: deciding needs only the status, and no kms:Decrypt.
    return client.send(new sdk.DescribeExecutionCommand({ executionArn: ref.executionArn, includedData: 'METADATA_ONLY' }));
  });
}

/** Stops a running execution; refuses one that has already ended. Answers what was done. */
export async function stopExecution(aws: ExplorerAws, ref: ExecutionRef, reason?: { error?: string; cause?: string }): Promise<string> {
  const name = executionName(ref.executionArn);
  const d = await describe(aws, ref);
  if (d.status !== 'RUNNING') {
    throw new Error(`Execution ${name} has already ended (${d.status}); there is nothing to stop.`);
  }
  await callAws({ service: 'states', operation: 'StopExecution', region: ref.region, resource: name }, async () => {
    const { client, sdk } = await aws.sfn(ref.region);
    return client.send(new sdk.StopExecutionCommand({ executionArn: ref.executionArn, error: reason?.error, cause: reason?.cause }));
  });
  return `Stopped execution ${name} in ${ref.region}.`;
}

/** Redrives an execution the service says is redrivable; otherwise says why not. */
export async function redriveExecution(aws: ExplorerAws, ref: ExecutionRef): Promise<string> {
  const name = executionName(ref.executionArn);
  const d = await describe(aws, ref);
  if (d.redriveStatus !== 'REDRIVABLE') {
    const why = d.redriveStatusReason ? `: ${d.redriveStatusReason.replace(/[.\s]+$/, '')}` : ` (it is ${d.status})`;
    throw new Error(`Execution ${name} cannot be redriven${why}.`);
  }
  await callAws({ service: 'states', operation: 'RedriveExecution', region: ref.region, resource: name }, async () => {
    const { client, sdk } = await aws.sfn(ref.region);
    return client.send(new sdk.RedriveExecutionCommand({ executionArn: ref.executionArn }));
  });
  return `Redrove execution ${name} in ${ref.region}: it runs again from the state that failed.`;
}
