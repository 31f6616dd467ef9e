// Rule documentation for aws-workflows.yaml's own codes (shape, definitions, Step Functions
// logging and versions, MWAA Serverless settings). Names, tags, ARNs and KMS are documented
// beside their validators (names.ts, tags.ts, arns.ts, kms.ts).

import type { RuleDoc } from './ruleDoc';

export const RULES: RuleDoc[] = [
  { code: 'manifest/unknown-key', severity: 'error', summary: 'A key aws-workflows.yaml does not have, with "did you mean" and a fix when one is close.', example: 'stateMachines:\n  orders: { rolArn: arn:aws:iam::123456789012:role/orders }' },
  { code: 'manifest/wrong-type', severity: 'error', summary: 'A value of the wrong type (a list where a mapping goes, `yes` for a boolean…).', example: 'publish: yes' },
  { code: 'manifest/missing-field', severity: 'error', summary: 'An entry without a field its deploy needs (state machine: definition and roleArn; Image Builder: definition and type; MWAA Serverless: definition and roleArn; encryption: type).', example: 'stateMachines:\n  orders: { definition: orders.asl.json }' },
  { code: 'manifest/duplicate-name', severity: 'error', summary: 'Two entries of one kind with the same name (names are keys).', example: 'activities:\n  approve: {}\n  approve: {}' },
  { code: 'manifest/duplicate-key', severity: 'error', summary: 'A key given twice in one mapping.', example: 'orders:\n  type: STANDARD\n  type: EXPRESS' },
  { code: 'manifest/invalid-enum', severity: 'error', summary: 'A value outside the service\'s list (state machine `type`, logging `level`, Image Builder `type`, `engineVersion`); the fix picks the closest.', example: 'type: build' },
  { code: 'manifest/value-length', severity: 'error', summary: 'A string longer or shorter than the service allows (versionDescription, description, changeDescription…).', example: 'versionDescription: <300 characters>' },
  { code: 'manifest/definition-not-found', severity: 'error', summary: '`definition` names a file that does not exist (relative to aws-workflows.yaml).', example: 'definition: statemachines/missing.asl.json' },
  { code: 'manifest/definition-kind-mismatch', severity: 'error', summary: 'The file `definition` names is another kind than its section expects (an Image Builder document under stateMachines…).', example: 'stateMachines:\n  orders: { definition: imagebuilder/build.yaml, … }' },
  { code: 'manifest/internal-error', severity: 'warning', summary: 'A check failed on this manifest; the message says how. Please report it.', example: '(a manifest that trips a bug)' },
  { code: 'sfn/version-description-without-publish', severity: 'error', summary: '`versionDescription` without `publish: true`; the fix sets publish or removes the description.', example: 'publish: false\nversionDescription: retry payment twice' },
  { code: 'sfn/logging-destination-required', severity: 'error', summary: 'A logging level other than OFF without `logGroupArn`.', example: 'logging: { level: ERROR }' },
  { code: 'sfn/log-group-arn-suffix', severity: 'error', summary: 'A log group ARN that does not end with `:*`; the fix appends it.', example: 'logGroupArn: arn:aws:logs:eu-west-1:123456789012:log-group:/sfn/orders' },
  { code: 'sfn/log-group-arn-invalid', severity: 'error', summary: '`logGroupArn` that is not a CloudWatch Logs log group ARN.', example: 'logGroupArn: /sfn/orders' },
  { code: 'mwaa-serverless/log-group-is-arn', severity: 'warning', summary: '`logGroup` given as an ARN where MWAA Serverless takes the log group name; the fix keeps the name.', example: 'logGroup: arn:aws:logs:eu-west-1:123456789012:log-group:/mwaa/etl:*' },
  { code: 'mwaa-serverless/security-group-id-invalid', severity: 'error', summary: 'A security group ID that does not match `sg-[a-z0-9]*`.', example: 'network: { securityGroupIds: [SG-0ABC] }' },
  { code: 'mwaa-serverless/subnet-id-invalid', severity: 'error', summary: 'A subnet ID that does not match `subnet-[a-z0-9]*`.', example: 'network: { subnetIds: [subnet_0def] }' },
  { code: 'imagebuilder/definition-bucket-missing', severity: 'warning', summary: 'An Image Builder document over the 16000-character inline limit while `defaults.definitionBucket` is not set (it must go through S3).', example: 'imageBuilderWorkflows:\n  build: { definition: big.yaml, … }   # 20000 characters, no bucket' },
  { code: 'mwaa-serverless/definition-bucket-missing', severity: 'warning', summary: 'An MWAA Serverless workflow while `defaults.definitionBucket` is not set (its definition is uploaded to S3).', example: 'airflowWorkflows:\n  etl: { definition: dags/etl.yaml, … }   # no defaults.definitionBucket' },
];
