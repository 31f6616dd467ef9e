// contextValue of each tree node: space-separated tags, so menus match with `viewItem =~ /\btag\b/`.
// package.json's `when` clauses use exactly these words.

export const CONTEXT = {
  region: 'awsWorkflowsRegion',
  service: 'awsWorkflowsService',
  group: 'awsWorkflowsGroup',
  filtered: 'filtered',
  resource: 'awsWorkflowsResource',
  childList: 'awsWorkflowsChildList',
  refreshable: 'refreshable',
  arn: 'hasArn',
  definition: 'hasDefinition',
  console: 'hasConsole',
  startExecution: 'canStartExecution',
  startRun: 'canStartRun',
  airflowUi: 'hasAirflowUi',
  executionList: 'executionList',
  stopExecution: 'canStopExecution',
  redriveExecution: 'canRedriveExecution',
  error: 'awsWorkflowsError',
  loadMore: 'awsWorkflowsLoadMore',
  message: 'awsWorkflowsMessage',
  airflowDag: 'awsWorkflowsAirflowDag',
  dagPaused: 'dagPaused',
  dagActive: 'dagActive',
  airflowRun: 'awsWorkflowsAirflowRun',
  airflowTask: 'awsWorkflowsAirflowTask',
  taskLog: 'hasTaskLog',
  workflowExecution: 'awsWorkflowsWorkflowExecution',
  waitingStep: 'waitingStep',
} as const;

export function contextValue(...tags: (string | false | undefined)[]): string {
  return tags.filter(Boolean).join(' ');
}
