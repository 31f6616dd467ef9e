// The manifest rule cases: for each rule, a manifest where it fires (⟦ ⟧ marks the exact
// characters) and a neighbouring one that must be clean. rules.test.ts runs them; the catalog
// test checks every code here is documented and every documented code has a case.

import type { ManifestCheckContext } from '../../../src/core/manifest';

const ROLE = 'arn:aws:iam::123456789012:role/orders';
const LOG_GROUP = '"arn:aws:logs:eu-west-1:123456789012:log-group:/sfn/orders:*"';

function indent(fields: string, by = 4): string {
  return fields === '' ? '' : `${fields.split('\n').map((l) => ' '.repeat(by) + l).join('\n')}\n`;
}
const sm = (fields: string, opts: { name?: string; role?: string } = {}) =>
  `defaults:\n  region: eu-west-1\nstateMachines:\n  ${opts.name ?? 'orders'}:\n    definition: orders.asl.json\n    roleArn: ${opts.role ?? ROLE}\n${indent(fields)}`;
const act = (fields: string, name = 'approve') => `defaults:\n  region: eu-west-1\nactivities:\n  ${name}:\n${indent(fields)}`;
const ib = (fields: string, name = 'hardened-build') => `defaults:\n  region: eu-west-1\nimageBuilderWorkflows:\n  ${name}:\n    definition: build.yaml\n    type: BUILD\n${indent(fields)}`;
const af = (fields: string, opts: { name?: string; bucket?: boolean } = {}) =>
  `defaults:\n  region: eu-west-1\n${opts.bucket === false ? '' : '  definitionBucket: my-artifacts\n'}airflowWorkflows:\n  ${opts.name ?? 'nightly-etl'}:\n    definition: dags/etl.yaml\n    roleArn: arn:aws:iam::123456789012:role/mwaa\n${indent(fields)}`;

export interface RuleCase {
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** The manifest with ⟦ ⟧ around exactly the characters the finding must cover. */
  fires: string;
  /** A neighbouring manifest that must produce no findings at all. */
  clean: string;
  ctx?: Partial<ManifestCheckContext>;
  cleanCtx?: Partial<ManifestCheckContext>;
  /** The text after applying the finding's preferred (else first) fix. */
  fixed?: string;
  title?: string;
}

const ASL = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';
const IB_DOC = 'schemaVersion: 1.0\nsteps:\n  - name: Launch\n    action: LaunchInstance\n';
const tags = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: v`).join(', ')} }`;

export const CASES: (RuleCase & { name: string })[] = [
  // shape
  { name: 'misspelt key with a rename fix', code: 'manifest/unknown-key', severity: 'error', fires: sm('⟦tracng⟧: true'), clean: sm('tracing: true'), fixed: sm('tracing: true') },
  { name: 'unknown top-level section', code: 'manifest/unknown-key', severity: 'error', fires: `${sm('')}⟦statemachines⟧: {}\n`, clean: sm(''), fixed: `${sm('')}stateMachines: {}\n` },
  { name: 'yes for a boolean', code: 'manifest/wrong-type', severity: 'error', fires: sm('publish: ⟦yes⟧'), clean: sm('publish: true') },
  { name: 'a list for tags', code: 'manifest/wrong-type', severity: 'error', fires: sm('tags: ⟦[team]⟧'), clean: sm('tags: { team: orders }') },
  { name: 'state machine without roleArn', code: 'manifest/missing-field', severity: 'error', fires: 'stateMachines:\n  ⟦orders⟧:\n    definition: orders.asl.json\n', clean: `stateMachines:\n  orders:\n    definition: orders.asl.json\n    roleArn: ${ROLE}\n` },
  { name: 'encryption without type', code: 'manifest/missing-field', severity: 'error', fires: act('⟦encryption⟧: { kmsKeyId: alias/orders }'), clean: act('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/orders }') },
  { name: 'two activities with one name', code: 'manifest/duplicate-name', severity: 'error', fires: 'activities:\n  approve: {}\n  ⟦approve⟧: {}\n', clean: 'activities:\n  approve: {}\n  reject: {}\n' },
  { name: 'a key twice in an entry', code: 'manifest/duplicate-key', severity: 'error', fires: sm('type: STANDARD\n⟦type⟧: EXPRESS'), clean: sm('type: EXPRESS') },
  { name: 'lowercase Image Builder type', code: 'manifest/invalid-enum', severity: 'error', fires: `defaults:\n  region: eu-west-1\nimageBuilderWorkflows:\n  hardened-build:\n    definition: build.yaml\n    type: ⟦build⟧\n`, clean: ib(''), fixed: ib('') },
  { name: 'unknown log level', code: 'manifest/invalid-enum', severity: 'error', fires: sm(`logging: { level: ⟦error⟧, logGroupArn: ${LOG_GROUP} }`), clean: sm(`logging: { level: ERROR, logGroupArn: ${LOG_GROUP} }`), fixed: sm(`logging: { level: ERROR, logGroupArn: ${LOG_GROUP} }`) },
  { name: 'unsupported engine version', code: 'manifest/invalid-enum', severity: 'error', fires: af('engineVersion: ⟦2⟧'), clean: af('engineVersion: 1'), fixed: af('engineVersion: 1') },
  { name: 'a line break in an MWAA Serverless description', code: 'manifest/line-break', severity: 'error', fires: af('description: ⟦"Nightly load\\nof the orders"⟧'), clean: af('description: >-\n  Nightly load\n  of the orders') },
  { name: 'version description over 256', code: 'manifest/value-length', severity: 'error', fires: sm(`publish: true\nversionDescription: ⟦${'x'.repeat(257)}⟧`), clean: sm(`publish: true\nversionDescription: ${'x'.repeat(256)}`) },
  { name: 'definition file missing', code: 'manifest/definition-not-found', severity: 'error', fires: `stateMachines:\n  orders:\n    definition: ⟦orders.asl.json⟧\n    roleArn: ${ROLE}\n`, clean: `stateMachines:\n  orders:\n    definition: orders.asl.json\n    roleArn: ${ROLE}\n`, ctx: { fileExists: (p) => p !== 'orders.asl.json' }, cleanCtx: { fileExists: () => true } },
  { name: 'an Image Builder document under stateMachines', code: 'manifest/definition-kind-mismatch', severity: 'error', fires: `stateMachines:\n  orders:\n    definition: ⟦orders.asl.json⟧\n    roleArn: ${ROLE}\n`, clean: `stateMachines:\n  orders:\n    definition: orders.asl.json\n    roleArn: ${ROLE}\n`, ctx: { readFile: () => IB_DOC }, cleanCtx: { readFile: () => ASL } },
  { name: 'definition that climbs out of the folder', code: 'manifest/path-outside', severity: 'error', fires: `stateMachines:\n  orders:\n    definition: ⟦../../.kube/config⟧\n    roleArn: ${ROLE}\n`, clean: `stateMachines:\n  orders:\n    definition: sub/../orders.asl.json\n    roleArn: ${ROLE}\n` },
  { name: 'definition that links out of the folder', code: 'manifest/path-outside', severity: 'error', fires: `stateMachines:\n  orders:\n    definition: ⟦orders.asl.json⟧\n    roleArn: ${ROLE}\n`, clean: `stateMachines:\n  orders:\n    definition: orders.asl.json\n    roleArn: ${ROLE}\n`, ctx: { fileProblem: () => ({ outside: true, reason: 'it leads through a symbolic link to /etc/passwd' }) }, cleanCtx: { fileProblem: () => undefined } },
  { name: 'definition that is a folder', code: 'manifest/definition-unreadable', severity: 'error', fires: `stateMachines:\n  orders:\n    definition: ⟦statemachines⟧\n    roleArn: ${ROLE}\n`, clean: `stateMachines:\n  orders:\n    definition: orders.asl.json\n    roleArn: ${ROLE}\n`, ctx: { fileProblem: () => ({ outside: false, reason: 'it is a folder, not a file' }) }, cleanCtx: { fileProblem: () => undefined } },
  { name: 'entry name with bytes that are not UTF-8', code: 'manifest/invalid-utf8', severity: 'error', fires: `activities:\n  ⟦caf\uFFFD⟧: {}\n`, clean: `activities:\n  café: {}\n` },
  { name: 'region that is not a region code', code: 'manifest/invalid-region', severity: 'error', fires: sm('region: ⟦Ireland⟧'), clean: sm('region: eu-central-1') },
  // Step Functions
  { name: 'versionDescription with publish false', code: 'sfn/version-description-without-publish', severity: 'error', fires: sm('publish: false\n⟦versionDescription⟧: retry payment twice'), clean: sm('publish: true\nversionDescription: retry payment twice'), fixed: sm('publish: true\nversionDescription: retry payment twice') },
  { name: 'versionDescription without publish', code: 'sfn/version-description-without-publish', severity: 'error', fires: sm('tracing: true\n⟦versionDescription⟧: retry payment twice'), clean: sm('tracing: true'), fixed: sm('tracing: true') },
  { name: 'logging level without destination', code: 'sfn/logging-destination-required', severity: 'error', fires: sm('logging: { level: ⟦ERROR⟧ }'), clean: sm('logging: { level: OFF }') },
  { name: 'log group ARN without :*', code: 'sfn/log-group-arn-suffix', severity: 'error', fires: sm('logging: { level: ERROR, logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:/sfn/orders⟦⟧" }'), clean: sm(`logging: { level: ERROR, logGroupArn: ${LOG_GROUP} }`), fixed: sm(`logging: { level: ERROR, logGroupArn: ${LOG_GROUP} }`) },
  { name: 'log group name instead of ARN', code: 'sfn/log-group-arn-invalid', severity: 'error', fires: sm('logging: { level: ERROR, logGroupArn: ⟦/sfn/orders⟧ }'), clean: sm(`logging: { level: ERROR, logGroupArn: ${LOG_GROUP} }`) },
  { name: 'name over 80 characters', code: 'sfn/name-length', severity: 'error', fires: sm('', { name: `${'a'.repeat(80)}⟦bc⟧` }), clean: sm('', { name: 'a'.repeat(80) }) },
  { name: 'a space in a name', code: 'sfn/name-invalid-char', severity: 'error', fires: sm('', { name: '"order⟦ ⟧pipeline"' }), clean: sm('', { name: 'order-pipeline' }), fixed: sm('', { name: '"order-pipeline"' }) },
  { name: 'a colon in an activity name', code: 'sfn/name-invalid-char', severity: 'error', fires: act('', 'approve⟦:⟧manual'), clean: act('', 'approve-manual'), fixed: act('', 'approve-manual') },
  { name: 'a dot in a name with logging on', code: 'sfn/name-not-logging-safe', severity: 'warning', fires: sm(`logging: { level: ALL, logGroupArn: ${LOG_GROUP} }`, { name: 'orders⟦.⟧v2' }), clean: sm('logging: { level: OFF }', { name: 'orders.v2' }) },
  { name: 'a role ARN that names a user', code: 'iam/role-arn-invalid', severity: 'error', fires: sm('', { role: '⟦arn:aws:iam::123456789012:user/deployer⟧' }), clean: sm('', { role: 'arn:aws:iam::123456789012:role/service-role/deployer' }) },
  { name: 'a China role in eu-west-1', code: 'arn/partition-mismatch', severity: 'error', fires: sm('', { role: 'arn:⟦aws-cn⟧:iam::123456789012:role/orders' }), clean: sm('region: cn-north-1', { role: 'arn:aws-cn:iam::123456789012:role/orders' }), fixed: sm('', { role: 'arn:aws:iam::123456789012:role/orders' }) },
  // tags
  { name: 'an empty Image Builder tags mapping', code: 'tags/empty', severity: 'error', fires: ib('⟦tags⟧: {}'), clean: ib('tags: { team: images }') },
  { name: 'too many Image Builder tags', code: 'tags/too-many', severity: 'error', fires: ib(`⟦tags⟧: ${tags(51)}`), clean: ib(`tags: ${tags(50)}`) },
  { name: 'a 129-character tag key', code: 'tags/key-length', severity: 'error', fires: sm(`tags: { ⟦${'k'.repeat(129)}⟧: v }`), clean: sm(`tags: { ${'k'.repeat(128)}: v }`) },
  { name: 'a 257-character tag value', code: 'tags/value-length', severity: 'error', fires: ib(`tags: { note: ⟦${'x'.repeat(257)}⟧ }`), clean: ib(`tags: { note: ${'x'.repeat(256)} }`) },
  { name: 'a # in a Step Functions tag key', code: 'tags/invalid-char', severity: 'error', fires: sm('tags: { team⟦#⟧1: orders }'), clean: sm('tags: { team-1: orders }') },
  { name: 'a $ in a Step Functions tag value', code: 'tags/invalid-char', severity: 'error', fires: sm('tags: { cost: ⟦$⟧5 }'), clean: sm('tags: { cost: "5 USD" }') },
  { name: 'an aws: tag key', code: 'tags/reserved-prefix', severity: 'error', fires: af('tags: { ⟦aws:⟧owner: me }'), clean: af('tags: { owner: me }') },
  // MWAA Serverless and MWAA
  { name: 'a workflow name starting with -', code: 'mwaa-serverless/name-invalid', severity: 'error', fires: af('', { name: '⟦-⟧nightly' }), clean: af('', { name: 'nightly.etl_v2' }) },
  { name: 'an environment name starting with a digit', code: 'mwaa/environment-name-invalid', severity: 'error', fires: 'airflowEnvironments: [⟦1-analytics⟧]\n', clean: 'airflowEnvironments: [analytics-prod, { name: analytics-dev, region: us-east-1 }]\n' },
  { name: 'a log group ARN for logGroup', code: 'mwaa-serverless/log-group-is-arn', severity: 'warning', fires: af('logGroup: ⟦arn:aws:logs:eu-west-1:123456789012:log-group:/mwaa/etl:*⟧'), clean: af('logGroup: /mwaa/etl'), fixed: af('logGroup: /mwaa/etl') },
  { name: 'an uppercase security group', code: 'mwaa-serverless/security-group-id-invalid', severity: 'error', fires: af('network: { securityGroupIds: [sg-0abc, ⟦SG-0ABC⟧] }'), clean: af('network: { securityGroupIds: [sg-0abc, sg-0def] }') },
  { name: 'a subnet with an underscore', code: 'mwaa-serverless/subnet-id-invalid', severity: 'error', fires: af('network: { subnetIds: [⟦subnet_0def⟧] }'), clean: af('network: { subnetIds: [subnet-0def] }') },
  { name: 'no definition bucket', code: 'mwaa-serverless/definition-bucket-missing', severity: 'warning', fires: af('', { name: '⟦nightly-etl⟧', bucket: false }), clean: af('') },
  // Image Builder
  { name: 'a two-character workflow name', code: 'imagebuilder/workflow-name-invalid', severity: 'error', fires: ib('', '⟦hb⟧'), clean: ib('', 'hb1') },
  { name: 'a slash in a workflow name', code: 'imagebuilder/workflow-name-invalid', severity: 'error', fires: ib('', 'hardened⟦/⟧build'), clean: ib('', '"hardened build"') },
  { name: 'a large document without a bucket', code: 'imagebuilder/definition-bucket-missing', severity: 'warning', fires: 'imageBuilderWorkflows:\n  hardened-build:\n    definition: ⟦build.yaml⟧\n    type: BUILD\n', clean: 'defaults: { definitionBucket: my-artifacts }\nimageBuilderWorkflows:\n  hardened-build:\n    definition: build.yaml\n    type: BUILD\n', ctx: { readFile: () => `${IB_DOC}# ${'x'.repeat(16000)}\n` } },
  { name: 'a two-part version', code: 'imagebuilder/version-invalid', severity: 'error', fires: ib('version: ⟦1.4⟧'), clean: ib('version: 1.4.0') },
  { name: 'a version with a build number', code: 'imagebuilder/version-invalid', severity: 'error', fires: ib('version: 1.4.0⟦/3⟧'), clean: ib('version: 1.4.0'), fixed: ib('version: 1.4.0') },
  { name: 'a leading v', code: 'imagebuilder/version-prefix', severity: 'error', fires: ib('version: ⟦v⟧1.4.0'), clean: ib('version: 1.4.0'), fixed: ib('version: 1.4.0') },
  { name: 'a leading +', code: 'imagebuilder/version-prefix', severity: 'error', fires: ib('version: "⟦+⟧1.4.0"'), clean: ib('version: "1.4.0"'), fixed: ib('version: "1.4.0"') },
  { name: 'a version part over 2^30-1', code: 'imagebuilder/version-part-too-large', severity: 'error', fires: ib('version: 1.0.⟦1073741824⟧'), clean: ib('version: 1.0.1073741823') },
  // KMS
  { name: "MWAA Serverless's type in Step Functions", code: 'kms/invalid-encryption-type', severity: 'error', fires: sm('encryption: { type: ⟦CUSTOMER_MANAGED_KEY⟧, kmsKeyId: alias/orders }'), clean: sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/orders }'), fixed: sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/orders }') },
  { name: "Step Functions' type in MWAA Serverless", code: 'kms/invalid-encryption-type', severity: 'error', fires: af('encryption: { type: ⟦AWS_OWNED_KEY⟧ }'), clean: af('encryption: { type: AWS_MANAGED_KEY }'), fixed: af('encryption: { type: AWS_MANAGED_KEY }') },
  { name: 'customer managed without a key', code: 'kms/missing-key', severity: 'error', fires: sm('encryption: { type: ⟦CUSTOMER_MANAGED_KMS_KEY⟧ }'), clean: sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: 1234abcd-12ab-34cd-56ef-1234567890ab }') },
  { name: 'MWAA Serverless customer managed without a key', code: 'kms/missing-key', severity: 'error', fires: af('encryption: { type: ⟦CUSTOMER_MANAGED_KEY⟧ }'), clean: af('encryption: { type: CUSTOMER_MANAGED_KEY, kmsKeyId: alias/etl }') },
  { name: 'a key with an AWS owned key', code: 'kms/stray-key', severity: 'error', fires: act('encryption: { type: AWS_OWNED_KEY, ⟦kmsKeyId⟧: alias/orders }'), clean: act('encryption: { type: AWS_OWNED_KEY }'), fixed: act('encryption: { type: AWS_OWNED_KEY }') },
  { name: 'a key with an AWS managed key (block style)', code: 'kms/stray-key', severity: 'error', fires: af('encryption:\n  type: AWS_MANAGED_KEY\n  ⟦kmsKeyId⟧: alias/etl   # not used'), clean: af('encryption:\n  type: AWS_MANAGED_KEY'), fixed: af('encryption:\n  type: AWS_MANAGED_KEY') },
  { name: 'a reuse period with an AWS owned key', code: 'kms/stray-key', severity: 'error', fires: sm('encryption: { ⟦kmsDataKeyReusePeriodSeconds⟧: 300, type: AWS_OWNED_KEY }'), clean: sm('encryption: { type: AWS_OWNED_KEY }'), fixed: sm('encryption: { type: AWS_OWNED_KEY }') },
  { name: 'a reuse period below 60', code: 'kms/reuse-period-invalid', severity: 'error', fires: sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/orders, kmsDataKeyReusePeriodSeconds: ⟦30⟧ }'), clean: sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/orders, kmsDataKeyReusePeriodSeconds: 60 }'), fixed: sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/orders, kmsDataKeyReusePeriodSeconds: 300 }') },
  { name: 'a fractional reuse period', code: 'kms/reuse-period-invalid', severity: 'error', fires: sm('encryption:\n  type: CUSTOMER_MANAGED_KMS_KEY\n  kmsKeyId: alias/orders\n  kmsDataKeyReusePeriodSeconds: ⟦899.5⟧'), clean: sm('encryption:\n  type: CUSTOMER_MANAGED_KMS_KEY\n  kmsKeyId: alias/orders\n  kmsDataKeyReusePeriodSeconds: 900'), fixed: sm('encryption:\n  type: CUSTOMER_MANAGED_KMS_KEY\n  kmsKeyId: alias/orders\n  kmsDataKeyReusePeriodSeconds: 300') },
  { name: 'an alias without alias/', code: 'kms/invalid-key-id', severity: 'error', fires: sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: ⟦orders⟧ }'), clean: sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/orders }') },
  { name: 'a key ARN with a bad key id', code: 'kms/invalid-key-id', severity: 'error', fires: act('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: ⟦arn:aws:kms:eu-west-1:123456789012:key/orders⟧ }'), clean: act('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/mrk-1234567890abcdef1234567890abcdef }') },
  { name: 'an AWS managed alias', code: 'kms/aws-managed-alias', severity: 'error', fires: sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: ⟦alias/aws/states⟧ }'), clean: sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/awsome }') },
  { name: 'a key in another region', code: 'kms/region-mismatch', severity: 'error', fires: ib('kmsKeyId: arn:aws:kms:⟦us-east-1⟧:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'), clean: ib('kmsKeyId: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab') },
  { name: 'an alias ARN in another region than the entry region', code: 'kms/region-mismatch', severity: 'error', fires: sm('region: eu-central-1\nencryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: "arn:aws:kms:⟦eu-west-1⟧:123456789012:alias/orders" }'), clean: sm('region: eu-central-1\nencryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: "arn:aws:kms:eu-central-1:123456789012:alias/orders" }') },
  {
    name: 'a bare alias while the log group is in another account',
    code: 'kms/cross-account-needs-arn',
    severity: 'warning',
    fires: sm('logging: { level: ERROR, logGroupArn: "arn:aws:logs:eu-west-1:222222222222:log-group:/sfn/orders:*" }\nencryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: ⟦alias/shared⟧ }', { role: 'arn:aws:iam::111111111111:role/orders' }),
    clean: sm('logging: { level: ERROR, logGroupArn: "arn:aws:logs:eu-west-1:111111111111:log-group:/sfn/orders:*" }\nencryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/shared }', { role: 'arn:aws:iam::111111111111:role/orders' }),
  },
  { name: 'an alias ARN elsewhere shows the key in another account', code: 'kms/cross-account-needs-arn', severity: 'warning', fires: `${sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: ⟦alias/shared⟧ }')}activities:\n  approve: { encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: "arn:aws:kms:eu-west-1:999999999999:alias/shared" } }\n`, clean: `${sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: "arn:aws:kms:eu-west-1:999999999999:alias/shared" }')}activities:\n  approve: { encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: "arn:aws:kms:eu-west-1:999999999999:alias/shared" } }\n`, fixed: `${sm('encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: arn:aws:kms:eu-west-1:999999999999:alias/shared }')}activities:\n  approve: { encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: "arn:aws:kms:eu-west-1:999999999999:alias/shared" } }\n` },
  { name: 'an alias name for Image Builder', code: 'kms/key-form-unsupported', severity: 'warning', fires: ib('kmsKeyId: ⟦alias/images⟧'), clean: ib('kmsKeyId: arn:aws:kms:eu-west-1:123456789012:alias/images') },
];

