// The DAG and task log command ids, light so the explorer registers them without loading the
// Airflow code (airflowCommands.ts loads on the first use of one).

export const TRIGGER_DAG_COMMAND = 'awsWorkflows.explorer.triggerDag';
export const PAUSE_DAG_COMMAND = 'awsWorkflows.explorer.pauseDag';
export const UNPAUSE_DAG_COMMAND = 'awsWorkflows.explorer.unpauseDag';
export const SHOW_TASK_LOG_COMMAND = 'awsWorkflows.explorer.showTaskLog';

export const AIRFLOW_COMMAND_IDS = [TRIGGER_DAG_COMMAND, PAUSE_DAG_COMMAND, UNPAUSE_DAG_COMMAND, SHOW_TASK_LOG_COMMAND] as const;

// The Image Builder workflow step and execution command ids (imageBuilderCommands.ts), here so the
// lazily loaded explorer commands share one light chunk.
export const RESUME_WORKFLOW_STEP_COMMAND = 'awsWorkflows.explorer.resumeWorkflowStep';
export const STOP_WORKFLOW_STEP_COMMAND = 'awsWorkflows.explorer.stopWorkflowStep';
export const SHOW_WORKFLOW_EXECUTION_COMMAND = 'awsWorkflows.explorer.showWorkflowExecution';
export const SHOW_WORKFLOW_STEP_COMMAND = 'awsWorkflows.explorer.showWorkflowStep';

export const IMAGE_BUILDER_COMMAND_IDS = [RESUME_WORKFLOW_STEP_COMMAND, STOP_WORKFLOW_STEP_COMMAND, SHOW_WORKFLOW_EXECUTION_COMMAND, SHOW_WORKFLOW_STEP_COMMAND] as const;
