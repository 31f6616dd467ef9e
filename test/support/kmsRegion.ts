// A workspace whose manifest names a KMS key in us-east-1 and whose shared config gives profile `dev`
// the region eu-west-1: which region wins decides whether kms/region-mismatch is reported
// (lint's and the language server's region tests).

export const KMS_REGION_WORKSPACE = {
  'aws-workflows.yaml': [
    'stateMachines:',
    '  orders:',
    '    definition: statemachines/orders.asl.yaml',
    '    roleArn: arn:aws:iam::123456789012:role/orders',
    '    encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab }',
    '',
  ].join('\n'),
  'statemachines/orders.asl.yaml': 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n',
  config: '[profile dev]\nregion = eu-west-1\n',
};
