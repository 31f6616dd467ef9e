// The groups under a region, as plain data: light, because the tree draws them before anything is listed.

export type GroupKind = 'stateMachines' | 'activities' | 'imageBuilderWorkflows' | 'mwaaEnvironments' | 'mwaaServerlessWorkflows';

export type ItemKind = 'stateMachine' | 'activity' | 'imageBuilderWorkflow' | 'mwaaEnvironment' | 'mwaaServerlessWorkflow';

export interface GroupInfo {
  kind: GroupKind;
  label: string;
  /** Lower-case plural for sentences: "No state machines in eu-west-1". */
  noun: string;
  itemKind: ItemKind;
  service: 'states' | 'imagebuilder' | 'airflow' | 'airflow-serverless';
}

export const GROUPS: Record<GroupKind, GroupInfo> = {
  stateMachines: { kind: 'stateMachines', label: 'State machines', noun: 'state machines', itemKind: 'stateMachine', service: 'states' },
  activities: { kind: 'activities', label: 'Activities', noun: 'activities', itemKind: 'activity', service: 'states' },
  imageBuilderWorkflows: { kind: 'imageBuilderWorkflows', label: 'Image Builder workflows', noun: 'Image Builder workflows', itemKind: 'imageBuilderWorkflow', service: 'imagebuilder' },
  mwaaEnvironments: { kind: 'mwaaEnvironments', label: 'MWAA environments', noun: 'MWAA environments', itemKind: 'mwaaEnvironment', service: 'airflow' },
  mwaaServerlessWorkflows: { kind: 'mwaaServerlessWorkflows', label: 'MWAA Serverless workflows', noun: 'MWAA Serverless workflows', itemKind: 'mwaaServerlessWorkflow', service: 'airflow-serverless' },
};

export const GROUP_OF_ITEM: Record<ItemKind, GroupKind> = {
  stateMachine: 'stateMachines',
  activity: 'activities',
  imageBuilderWorkflow: 'imageBuilderWorkflows',
  mwaaEnvironment: 'mwaaEnvironments',
  mwaaServerlessWorkflow: 'mwaaServerlessWorkflows',
};
