// The DAG and task log command ids (MWAA environments), and the run and task log ones of MWAA
// Serverless, light so the explorer registers them without loading the Airflow code
// (airflowCommands.ts and serverlessCommands.ts load on the first use of one). One file: the split
// build gives each file the lazy code and activation share a chunk of its own.

import { START_RUN_COMMAND } from './commandIds';

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

// MWAA Serverless runs and task logs (serverlessCommands.ts); Start Run's id is the explorer's.
export { START_RUN_COMMAND };
export const STOP_RUN_COMMAND = 'awsWorkflows.explorer.stopRun';
export const SHOW_SERVERLESS_TASK_LOG_COMMAND = 'awsWorkflows.explorer.showServerlessTaskLog';
export const LOAD_OLDER_LOG_LINES_COMMAND = 'awsWorkflows.taskLog.loadOlder';

export const SERVERLESS_COMMAND_IDS = [START_RUN_COMMAND, STOP_RUN_COMMAND, SHOW_SERVERLESS_TASK_LOG_COMMAND, LOAD_OLDER_LOG_LINES_COMMAND] as const;
