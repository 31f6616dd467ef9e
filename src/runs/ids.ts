// Light: what package.json, the tree and the serializer name, without loading the view.

export const OPEN_EXECUTION_COMMAND = 'awsWorkflows.openExecution';
export const EXECUTION_VIEW_TYPE = 'awsWorkflows.execution';
/** Hidden command (not in package.json) that in-host tests use to reach the execution views. */
export const EXECUTION_VIEW_TEST_HOOK = 'awsWorkflows.__getExecutionViewsForTests';
