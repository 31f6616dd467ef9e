// Sends one TestState request through the session's lazily loaded SFN client (AWS or the endpoint
// override) and turns a refusal into one sentence. No vscode import: in-host and emulator tests share it.

import { AwsActionError, awsSaidIn, callAws } from '../aws/errors';
import type { TestStateRequest } from '../core/testState/model';
import type { TestStateResultView } from './protocol';
import type { AwsSession } from '../aws/session';

type SfnSource = Pick<AwsSession, 'sfn'>;

/** The InspectionData members shown, in the order data flows through a state. */
const INSPECTION_ORDER = ['input', 'afterArguments', 'afterInputPath', 'afterParameters', 'afterItemsPath', 'afterItemsPointer', 'afterItemSelector', 'afterItemBatcher', 'result', 'afterResultSelector', 'afterResultPath', 'variables', 'errorDetails', 'toleratedFailureCount', 'toleratedFailurePercentage', 'maxConcurrency', 'request', 'response'];

function inspectionText(data: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!data) return undefined;
  const out: Record<string, string> = {};
  const keys = [...INSPECTION_ORDER.filter((k) => k in data), ...Object.keys(data).filter((k) => !INSPECTION_ORDER.includes(k))];
  for (const k of keys) {
    const v = data[k];
    if (v === undefined || v === null) continue;
    out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  return Object.keys(out).length ? out : undefined;
}

/** `label` names the state in failures: a nested state's request has no stateName (its path, then). */
export async function runTestState(aws: SfnSource, region: string, request: TestStateRequest, signal?: AbortSignal, label = request.stateName ?? 'the state'): Promise<TestStateResultView> {
  const ctx = { service: 'states' as const, operation: 'TestState', region, resource: label };
  try {
    const out = await callAws(ctx, async () => {
      const { client, sdk } = await aws.sfn(region);
      return client.send(new sdk.TestStateCommand(request), { abortSignal: signal });
    });
    return { status: out.status, nextState: out.nextState, output: out.output, error: out.error, cause: out.cause, inspection: inspectionText(out.inspectionData as Record<string, unknown> | undefined), level: request.inspectionLevel };
  } catch (err) {
    throw new Error(testStateFailure(err, request, region, label), { cause: err });
  }
}

/** One sentence for a TestState refusal; AccessDenied names both permissions it takes. */
function testStateFailure(err: unknown, request: Pick<TestStateRequest, 'stateName' | 'roleArn'>, region: string, label = request.stateName ?? 'the state'): string {
  const tried = `TestState of ${label} in ${region} failed`;
  const name = (err as { cause?: { name?: string } })?.cause?.name ?? (err as { name?: string })?.name;
  const said = awsSaidIn((err as { cause?: unknown })?.cause);
  if (err instanceof AwsActionError && err.kind === 'access-denied') {
    const role = request.roleArn ? ` and iam:PassRole on ${request.roleArn}` : ' (and iam:PassRole on the role, once one is given)';
    return `${tried}: access denied${said ? ` (AWS said: ${said})` : ''}. Your identity needs states:TestState${role}; ask your administrator to allow them, or choose a profile that has them.`;
  }
  if (name === 'InvalidDefinition') return `${tried}: Step Functions rejected the definition: ${said || 'invalid definition'}. Fix the definition and run again.`;
  if (name === 'InvalidExecutionInput') return `${tried}: Step Functions rejected the input: ${said || 'invalid input'}. Fix the input and run again.`;
  if (name === 'InvalidArn') return `${tried}: the role ARN was refused: ${said || 'invalid ARN'}. Enter the ARN of an IAM role.`;
  if (name === 'ValidationException') return `${tried}: Step Functions rejected the request: ${said || 'invalid request'}. Fix it and run again.`;
  return err instanceof Error ? err.message : String(err);
}
