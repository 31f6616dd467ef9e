export const OPEN_AIRFLOW_UI = 'awsWorkflows.openAirflowUi';
