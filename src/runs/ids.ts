// Light: what package.json, the tree and the serializer name, without loading the view.

export const OPEN_EXECUTION_COMMAND = 'awsWorkflows.openExecution';
export const EXECUTION_VIEW_TYPE = 'awsWorkflows.execution';
/** Lock and Unlock of the active execution view (editor title), and the context key that picks which shows. */
export const LOCK_EXECUTION_VIEW_COMMAND = 'awsWorkflows.lockExecutionView';
export const UNLOCK_EXECUTION_VIEW_COMMAND = 'awsWorkflows.unlockExecutionView';
export const EXECUTION_VIEW_LOCKED_CONTEXT = 'awsWorkflows.executionView.locked';
/** Hidden command (not in package.json) that in-host tests use to reach the execution views. */
export const EXECUTION_VIEW_TEST_HOOK = 'awsWorkflows.__getExecutionViewsForTests';

/** Run Locally: the open definition on the local emulator (src/runs/runLocally.ts). */
export const RUN_LOCALLY_COMMAND = 'awsWorkflows.runLocally';
/** Set while `awsWorkflows.emulatorEndpoint` is: the editor title's Run Locally shows only then. */
export const RUN_LOCALLY_CONTEXT = 'awsWorkflows.runLocally.available';
/** Set while the active editor is a state machine definition (the editor title's Run Locally). */
export const IS_STATE_MACHINE_CONTEXT = 'awsWorkflows.runs.isStateMachine';
export const EMULATOR_ENDPOINT_SETTING = 'awsWorkflows.emulatorEndpoint';
