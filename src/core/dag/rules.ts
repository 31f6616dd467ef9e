// Rule documentation for MWAA Serverless workflow definitions (README and hovers read it).
import type { RuleDoc } from '../rules/ruleDoc';

export const RULES: RuleDoc[] = [
  { code: 'dag/not-a-mapping', severity: 'error', source: 'mwaa-serverless-dag-schema.yaml (AWS\'s converter schema)', summary: 'The definition, or one DAG in it, is not a mapping.', example: 'nightly_etl: [extract, load]' },
  { code: 'dag/dag-id-missing', severity: 'warning', summary: 'A DAG without `dag_id`, which the MWAA Serverless schema requires.', example: 'nightly_etl:\n  schedule: "@daily"' },
  { code: 'dag/id-invalid', severity: 'error', source: 'mwaa-serverless-dag-schema.yaml: dag_id regex ^[a-zA-Z0-9\\-\\._]+$', summary: 'A DAG id with characters other than letters, digits, `-`, `.` and `_`.', example: 'dag_id: nightly etl' },
  { code: 'dag/unknown-key', severity: 'warning', summary: 'A DAG field the schema does not have.', example: 'schedual: "@daily"' },
  { code: 'dag/schedule-invalid', severity: 'error', source: 'Airflow documentation: cron expressions and presets for schedule', summary: '`schedule` that is not a 5-field cron expression with valid ranges, a preset, or null.', example: 'schedule: "0 25 * * *"' },
  { code: 'dag/date-invalid', severity: 'error', source: 'Airflow documentation: start_date and end_date are dates', summary: '`start_date` or `end_date` that is not a date.', example: 'start_date: yesterday' },
  { code: 'dag/default-args-invalid', severity: 'error', source: 'mwaa-serverless-dag-schema.yaml: default_args', summary: '`default_args` is not a mapping.', example: 'default_args: [owner]' },
  { code: 'dag/default-arg-unknown', severity: 'error', source: 'mwaa-serverless-dag-schema.yaml: default_args keys (enum)', summary: 'A `default_args` key MWAA Serverless does not allow.', example: 'default_args:\n  retires: 2' },
  { code: 'dag/trigger-rule-invalid', severity: 'error', source: 'mwaa-serverless-dag-schema.yaml: trigger_rule enum', summary: 'A `trigger_rule` value the schema does not list.', example: 'trigger_rule: all_succeeded' },
  { code: 'dag/weight-rule-invalid', severity: 'error', source: 'mwaa-serverless-dag-schema.yaml: weight_rule enum', summary: 'A `weight_rule` other than absolute, downstream or upstream.', example: 'weight_rule: heaviest' },
  { code: 'dag/tasks-invalid', severity: 'error', source: 'mwaa-serverless-dag-schema.yaml: tasks', summary: '`tasks` is not a mapping of task names to tasks.', example: 'tasks: [extract, load]' },
  { code: 'dag/task-duplicate', severity: 'error', source: 'Airflow documentation: task ids are unique in a DAG', summary: 'Two tasks with the same name or task_id in one DAG.', example: 'extract: {...}\nextract: {...}' },
  { code: 'dag/operator-missing', severity: 'error', source: 'mwaa-serverless-dag-schema.yaml: task operator', summary: 'A task without an operator.', example: 'extract:\n  bash_command: echo hi' },
  { code: 'dag/operator-not-allowed', severity: 'warning', summary: "An operator outside MWAA Serverless's allowlist.", example: 'operator: airflow.operators.bash.BashOperator' },
  { code: 'dag/task-key-unknown', severity: 'warning', summary: 'A task field the schema does not have.', example: 'dependecies: [extract]' },
  { code: 'dag/dependencies-invalid', severity: 'error', source: 'mwaa-serverless-dag-schema.yaml: task dependencies', summary: '`dependencies` is not a list of task names.', example: 'dependencies: extract' },
  { code: 'dag/dependency-unknown', severity: 'error', source: 'Airflow documentation: dependencies name tasks of the DAG', summary: 'A dependency that names no task in the DAG.', example: 'dependencies: [extrakt]' },
  { code: 'dag/dependency-cycle', severity: 'error', source: 'Airflow documentation: a DAG has no cycles (AirflowDagCycleException)', summary: 'Tasks that depend on each other in a cycle (the message lists it).', example: 'extract: { dependencies: [transform] }\ntransform: { dependencies: [extract] }' },
];
