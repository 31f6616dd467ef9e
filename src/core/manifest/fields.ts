// The shape of aws-workflows.yaml, once: the parser reads entries with it, hovers describe keys
// with it, and scripts/generate-manifest-schema.mjs turns it into the JSON Schema. Limits come
// from the generated AWS facts, never typed here.

import { AWS_FACTS } from '../facts/aws.generated';
import type { ManifestEntryKind, ManifestSection } from './model';

interface FieldBase {
  description: string;
  /** An example value for hovers and the schema. */
  example?: unknown;
}

export interface StringField extends FieldBase {
  type: 'string';
  /** Read a YAML number as the text written (`version: 1.4` is a float to YAML, a version to the user). */
  numberAsText?: boolean;
  enum?: readonly string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
}
export interface BooleanField extends FieldBase {
  type: 'boolean';
}
export interface IntegerField extends FieldBase {
  type: 'integer';
  minimum?: number;
  maximum?: number;
  enum?: readonly number[];
  default?: number;
}
export interface TagsField extends FieldBase {
  type: 'tags';
  maxCount?: number;
  key: { minLength?: number; maxLength?: number; pattern?: string };
  value: { minLength?: number; maxLength?: number; pattern?: string };
}
export interface StringListField extends FieldBase {
  type: 'stringList';
  item: { minLength?: number; maxLength?: number; pattern?: string };
  maxItems?: number;
}
export interface ObjectField extends FieldBase {
  type: 'object';
  fields: Record<string, FieldDef>;
  required?: readonly string[];
}
export type FieldDef = StringField | BooleanField | IntegerField | TagsField | StringListField | ObjectField;

const F = AWS_FACTS;

const region: StringField = { type: 'string', description: 'The AWS Region to deploy this entry to. Overrides `defaults.region`; without either, the active region is used.', example: 'eu-west-1' };
const definition = (what: string): StringField => ({ type: 'string', minLength: 1, description: `Path of the ${what}, relative to aws-workflows.yaml.` });

const sfnEncryption: ObjectField = {
  type: 'object',
  description: 'Encryption at rest (EncryptionConfiguration). AWS_OWNED_KEY needs nothing else; CUSTOMER_MANAGED_KMS_KEY needs `kmsKeyId`.',
  required: ['type'],
  fields: {
    type: { type: 'string', enum: F.sfn.encryptionType, description: 'AWS_OWNED_KEY (the default) or CUSTOMER_MANAGED_KMS_KEY.' },
    kmsKeyId: { type: 'string', minLength: F.sfn.kmsKeyId.min, maxLength: F.sfn.kmsKeyId.max, description: 'Key ID, multi-Region key ID, key ARN, alias name (`alias/…`) or alias ARN of a symmetric KMS key in the same Region. A key in another account needs the key ARN or alias ARN.' },
    kmsDataKeyReusePeriodSeconds: { type: 'integer', minimum: F.sfn.kmsDataKeyReusePeriodSeconds.min, maximum: F.sfn.kmsDataKeyReusePeriodSeconds.max, default: 300, description: `How long Step Functions reuses a data key, in seconds (${F.sfn.kmsDataKeyReusePeriodSeconds.min}–${F.sfn.kmsDataKeyReusePeriodSeconds.max}, default 300). Customer managed keys only.` },
  },
};

const sfnTags: TagsField = {
  type: 'tags',
  description: `Tags as a mapping of key to value. Keys ${F.sfn.tags.key.min}–${F.sfn.tags.key.max} characters, values up to ${F.sfn.tags.value.max}; Unicode letters, digits, white space and ${F.sfn.tags.characters.symbols}.`,
  key: { minLength: F.sfn.tags.key.min, maxLength: F.sfn.tags.key.max, pattern: F.sfn.tags.characters.pattern },
  value: { minLength: F.sfn.tags.value.min, maxLength: F.sfn.tags.value.max, pattern: F.sfn.tags.characters.pattern },
};

export const STATE_MACHINE_FIELDS: Record<string, FieldDef> = {
  definition: definition('Amazon States Language definition (JSON or YAML; YAML is sent as JSON)'),
  roleArn: { type: 'string', pattern: F.iam.roleArnPattern, maxLength: F.sfn.roleArn.max, description: 'The IAM role the state machine runs as.', example: 'arn:aws:iam::123456789012:role/order-pipeline' },
  type: { type: 'string', enum: F.sfn.stateMachineType, description: 'STANDARD (the default) or EXPRESS. Cannot change after creation.' },
  publish: { type: 'boolean', description: 'Publish a new version on every create or update.' },
  versionDescription: { type: 'string', numberAsText: true, maxLength: F.sfn.versionDescription.max, description: `Description of the published version (up to ${F.sfn.versionDescription.max} characters). Only with \`publish: true\`.` },
  encryption: sfnEncryption,
  logging: {
    type: 'object',
    description: 'CloudWatch Logs logging (LoggingConfiguration).',
    fields: {
      level: { type: 'string', enum: F.sfn.logLevel, description: 'ALL, ERROR, FATAL or OFF (the default).' },
      includeExecutionData: { type: 'boolean', description: 'Include execution input and output in the log events.' },
      logGroupArn: { type: 'string', maxLength: F.sfn.logGroupArn.max, pattern: '^arn:aws[a-z-]*:logs:[a-z0-9-]+:[0-9]{12}:log-group:.+:\\*$', description: 'ARN of the log group; it must end with `:*`. Required unless the level is OFF.', example: 'arn:aws:logs:eu-west-1:123456789012:log-group:/sfn/orders:*' },
    },
  },
  tracing: { type: 'boolean', description: 'Enable AWS X-Ray tracing.' },
  tags: sfnTags,
  region,
};

export const ACTIVITY_FIELDS: Record<string, FieldDef> = {
  encryption: { ...sfnEncryption, description: `${sfnEncryption.description} An activity's encryption cannot be changed after creation.` },
  tags: sfnTags,
  region,
};

export const IMAGE_BUILDER_WORKFLOW_FIELDS: Record<string, FieldDef> = {
  definition: definition('Image Builder workflow document (YAML)'),
  type: { type: 'string', enum: F.imagebuilder.workflowType, description: 'BUILD, TEST or DISTRIBUTION.' },
  version: { type: 'string', numberAsText: true, pattern: F.imagebuilder.semanticVersion.pattern, description: `Semantic version major.minor.patch, each part 0–${F.imagebuilder.semanticVersion.nodeMax}; Image Builder adds the build number. Without it, the deploy offers the next patch version.`, example: '1.0.0' },
  description: { type: 'string', minLength: F.imagebuilder.description.min, maxLength: F.imagebuilder.description.max, description: 'Description of the workflow.' },
  changeDescription: { type: 'string', numberAsText: true, minLength: F.imagebuilder.changeDescription.min, maxLength: F.imagebuilder.changeDescription.max, description: 'What changed in this version.' },
  kmsKeyId: { type: 'string', minLength: F.imagebuilder.kmsKeyId.min, maxLength: F.imagebuilder.kmsKeyId.max, description: 'Key ARN or alias ARN of the KMS key that encrypts the workflow resource.' },
  tags: {
    type: 'tags',
    description: `Tags (at most ${F.imagebuilder.tags.maxCount}). Keys ${F.imagebuilder.tags.key.min}–${F.imagebuilder.tags.key.max} characters, no \`aws:\` prefix; values up to ${F.imagebuilder.tags.value.max}.`,
    maxCount: F.imagebuilder.tags.maxCount,
    key: { minLength: F.imagebuilder.tags.key.min, maxLength: F.imagebuilder.tags.key.max, pattern: F.imagebuilder.tags.key.pattern },
    value: { maxLength: F.imagebuilder.tags.value.max },
  },
  region,
};

export const AIRFLOW_WORKFLOW_FIELDS: Record<string, FieldDef> = {
  definition: definition('MWAA Serverless workflow (DAG YAML); it is uploaded to `defaults.definitionBucket`'),
  roleArn: { type: 'string', pattern: F.mwaaServerless.roleArn.pattern, minLength: F.mwaaServerless.roleArn.min, maxLength: F.mwaaServerless.roleArn.max, description: 'The IAM role the workflow runs as.', example: 'arn:aws:iam::123456789012:role/mwaa-serverless' },
  description: { type: 'string', minLength: F.mwaaServerless.description.min, maxLength: F.mwaaServerless.description.max, pattern: F.mwaaServerless.description.pattern, description: 'Description of the workflow, on one line.' },
  encryption: {
    type: 'object',
    description: 'Encryption (EncryptionConfiguration). AWS_MANAGED_KEY needs nothing else; CUSTOMER_MANAGED_KEY needs `kmsKeyId`.',
    required: ['type'],
    fields: {
      type: { type: 'string', enum: F.mwaaServerless.encryptionType, description: 'AWS_MANAGED_KEY or CUSTOMER_MANAGED_KEY.' },
      kmsKeyId: { type: 'string', minLength: 1, description: 'ID or ARN of the KMS key (key ID, key ARN, alias name or alias ARN). Required with CUSTOMER_MANAGED_KEY.' },
    },
  },
  logGroup: { type: 'string', minLength: 1, description: 'Name of the CloudWatch Logs log group for workflow runs (LoggingConfiguration.LogGroupName).', example: '/mwaa/nightly-etl' },
  network: {
    type: 'object',
    description: 'VPC networking (NetworkConfiguration).',
    fields: {
      securityGroupIds: { type: 'stringList', item: { minLength: F.mwaaServerless.securityGroupId.min, maxLength: F.mwaaServerless.securityGroupId.max, pattern: F.mwaaServerless.securityGroupId.pattern }, description: 'Security group IDs (`sg-…`).' },
      subnetIds: { type: 'stringList', item: { minLength: F.mwaaServerless.subnetId.min, maxLength: F.mwaaServerless.subnetId.max, pattern: F.mwaaServerless.subnetId.pattern }, description: 'Subnet IDs (`subnet-…`).' },
    },
  },
  engineVersion: { type: 'integer', enum: F.mwaaServerless.engineVersions, description: `MWAA Serverless engine version (supported: ${F.mwaaServerless.engineVersions.join(', ')}).` },
  triggerMode: { type: 'string', minLength: F.mwaaServerless.triggerMode.min, maxLength: F.mwaaServerless.triggerMode.max, description: 'Trigger mode for workflow runs (TriggerMode; the model lists no values).' },
  tags: {
    type: 'tags',
    description: `Tags (at most ${F.mwaaServerless.tags.maxCount}). Keys ${F.mwaaServerless.tags.key.min}–${F.mwaaServerless.tags.key.max} characters, values up to ${F.mwaaServerless.tags.value.max}.`,
    maxCount: F.mwaaServerless.tags.maxCount,
    key: { minLength: F.mwaaServerless.tags.key.min, maxLength: F.mwaaServerless.tags.key.max },
    value: { minLength: F.mwaaServerless.tags.value.min, maxLength: F.mwaaServerless.tags.value.max },
  },
  region,
};

export const DEFAULTS_FIELDS: Record<string, FieldDef> = {
  region: { type: 'string', description: 'The AWS Region for every entry that does not set its own; else the active region.', example: 'eu-west-1' },
  definitionBucket: { type: 'string', minLength: 1, description: 'S3 bucket where definitions are uploaded (MWAA Serverless workflows, large Image Builder documents).' },
  definitionPrefix: { type: 'string', description: 'Key prefix for uploaded definitions, e.g. `workflows/`.' },
};

export const ENTRY_FIELDS: Record<ManifestEntryKind, Record<string, FieldDef>> = {
  stateMachine: STATE_MACHINE_FIELDS,
  activity: ACTIVITY_FIELDS,
  imageBuilderWorkflow: IMAGE_BUILDER_WORKFLOW_FIELDS,
  airflowWorkflow: AIRFLOW_WORKFLOW_FIELDS,
};

/** Fields an entry must set for the deploy to work. */
export const REQUIRED_FIELDS: Record<ManifestEntryKind, readonly string[]> = {
  stateMachine: ['definition', 'roleArn'],
  activity: [],
  imageBuilderWorkflow: ['definition', 'type'],
  airflowWorkflow: ['definition', 'roleArn'],
};

export interface SectionInfo {
  section: ManifestSection;
  kind: ManifestEntryKind;
  /** How the entry kind reads in messages. */
  label: string;
  description: string;
}

export const SECTIONS: readonly SectionInfo[] = [
  { section: 'stateMachines', kind: 'stateMachine', label: 'state machine', description: 'Step Functions state machines, keyed by name.' },
  { section: 'activities', kind: 'activity', label: 'activity', description: 'Step Functions activities, keyed by name.' },
  { section: 'imageBuilderWorkflows', kind: 'imageBuilderWorkflow', label: 'Image Builder workflow', description: 'EC2 Image Builder workflows, keyed by name.' },
  { section: 'airflowWorkflows', kind: 'airflowWorkflow', label: 'MWAA Serverless workflow', description: 'Amazon MWAA Serverless workflows, keyed by name.' },
];

export const TOP_LEVEL_KEYS = ['defaults', ...SECTIONS.map((s) => s.section), 'airflowEnvironments'] as const;

export const AIRFLOW_ENVIRONMENTS_DESCRIPTION = 'Amazon MWAA environments this project uses: names, or `{ name, region }` mappings.';

/** The field definition at a dotted path inside an entry of the given kind (for hovers). */
export function fieldAt(kind: ManifestEntryKind | 'defaults', path: string): FieldDef | undefined {
  let fields: Record<string, FieldDef> | undefined = kind === 'defaults' ? DEFAULTS_FIELDS : ENTRY_FIELDS[kind];
  let def: FieldDef | undefined;
  for (const part of path.split('.')) {
    if (!fields) return def?.type === 'tags' ? def : undefined;
    def = fields[part];
    if (!def) return undefined;
    fields = def.type === 'object' ? def.fields : undefined;
  }
  return def;
}
