// What an execution ends with when nothing records it (StartSyncExecution): the definition run
// to its end by the emulator's ASL interpreter (test/emulator/asl), through the same runner as
// recorded executions (stepfunctionsRuns.ts).
import type { RequestContext } from './context';
import { runUnrecorded, type RunsDeps } from './stepfunctionsRuns';

export interface ExecutionOutcome {
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  output?: string;
  error?: string;
  cause?: string;
}

export async function executionOutcome(
  deps: RunsDeps,
  ctx: RequestContext,
  run: { stateMachineArn: string; machineName: string; executionArn: string; name: string; definition: string; roleArn: string; input: string },
): Promise<ExecutionOutcome> {
  const execution = await runUnrecorded(deps, ctx, {
    arn: run.executionArn,
    stateMachineArn: run.stateMachineArn,
    name: run.name,
    status: 'RUNNING',
    startDate: ctx.now,
    input: run.input,
    ran: { definition: run.definition, roleArn: run.roleArn, revisionId: '', updateDate: ctx.now },
    events: [],
  }, run.machineName);
  const status = execution.status === 'RUNNING' || execution.status === 'PENDING_REDRIVE' ? 'ABORTED' : execution.status;
  return { status, output: execution.output, error: execution.error, cause: execution.cause };
}
