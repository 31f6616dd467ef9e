// The explorer's command ids, light so activation registers the commands (and nodes name them)
// without loading their code: explorerCommands.ts loads on the first use of one.

export const REFRESH_COMMAND = 'awsWorkflows.explorer.refresh';
export const LOAD_MORE_COMMAND = 'awsWorkflows.explorer.loadMore';
export const RETRY_COMMAND = 'awsWorkflows.explorer.retry';
export const FILTER_COMMAND = 'awsWorkflows.explorer.filter';
export const CLEAR_FILTER_COMMAND = 'awsWorkflows.explorer.clearFilter';
export const COPY_ARN_COMMAND = 'awsWorkflows.explorer.copyArn';
export const COPY_NAME_COMMAND = 'awsWorkflows.explorer.copyName';
export const OPEN_DEFINITION_COMMAND = 'awsWorkflows.explorer.openDefinition';
export const DOWNLOAD_DEFINITION_COMMAND = 'awsWorkflows.explorer.downloadDefinition';
export const OPEN_IN_CONSOLE_COMMAND = 'awsWorkflows.explorer.openInConsole';
export const START_EXECUTION_COMMAND = 'awsWorkflows.explorer.startExecution';
export const SHOW_EXECUTION_OUTPUT_COMMAND = 'awsWorkflows.explorer.showExecutionOutput';
/** Registered with the MWAA Serverless run commands (SERVERLESS_COMMAND_IDS), which load on first use. */
export const START_RUN_COMMAND = 'awsWorkflows.explorer.startRun';
export const REVEAL_RESOURCE_COMMAND = 'awsWorkflows.revealResource';
export const FILTER_EXECUTIONS_COMMAND = 'awsWorkflows.explorer.filterExecutions';
export const STOP_EXECUTION_COMMAND = 'awsWorkflows.explorer.stopExecution';
export const REDRIVE_EXECUTION_COMMAND = 'awsWorkflows.explorer.redriveExecution';

export const EXPLORER_COMMAND_IDS = [
  REFRESH_COMMAND,
  LOAD_MORE_COMMAND,
  RETRY_COMMAND,
  FILTER_COMMAND,
  CLEAR_FILTER_COMMAND,
  COPY_ARN_COMMAND,
  COPY_NAME_COMMAND,
  OPEN_DEFINITION_COMMAND,
  DOWNLOAD_DEFINITION_COMMAND,
  OPEN_IN_CONSOLE_COMMAND,
  START_EXECUTION_COMMAND,
  SHOW_EXECUTION_OUTPUT_COMMAND,
  REVEAL_RESOURCE_COMMAND,
  FILTER_EXECUTIONS_COMMAND,
  STOP_EXECUTION_COMMAND,
  REDRIVE_EXECUTION_COMMAND,
] as const;
