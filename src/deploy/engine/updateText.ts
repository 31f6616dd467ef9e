// The words of an update confirmation, shared by the VS Code dialog and the CLI prompt.

import { KIND_LABELS, type UpdatePlan } from './types';

/** Said before a state machine update: UpdateStateMachine does not touch executions already started. */
export const RUNNING_EXECUTIONS_NOTE = 'Executions already running keep the definition and role they started with.';

export function updateMessage(plan: UpdatePlan): string {
  return `Update ${KIND_LABELS[plan.target.kind]} ${plan.target.name} in ${plan.target.region}?`;
}

export function updateDetail(plan: UpdatePlan): string {
  const machineUpdate = plan.target.kind === 'stateMachine' && plan.changes.some((c) => c.field !== 'tags');
  return [
    `This changes: ${plan.changes.map((c) => c.summary).join('; ')}.`,
    plan.cannotCompare,
    machineUpdate && plan.target.kind === 'stateMachine' && plan.target.spec.publish ? 'A new version will be published.' : undefined,
    machineUpdate ? RUNNING_EXECUTIONS_NOTE : undefined,
  ].filter(Boolean).join(' ');
}
