// The DAG and task log command ids, light so the explorer registers them without loading the
// Airflow code (airflowCommands.ts loads on the first use of one).

export const TRIGGER_DAG_COMMAND = 'awsWorkflows.explorer.triggerDag';
export const PAUSE_DAG_COMMAND = 'awsWorkflows.explorer.pauseDag';
export const UNPAUSE_DAG_COMMAND = 'awsWorkflows.explorer.unpauseDag';
export const SHOW_TASK_LOG_COMMAND = 'awsWorkflows.explorer.showTaskLog';

export const AIRFLOW_COMMAND_IDS = [TRIGGER_DAG_COMMAND, PAUSE_DAG_COMMAND, UNPAUSE_DAG_COMMAND, SHOW_TASK_LOG_COMMAND] as const;
