// The aws-workflows.yaml model: what each definition becomes when deployed.
// Field names follow the AWS APIs in camelCase; every entry keeps the source ranges of its
// keys and values so diagnostics, quick fixes and the deploy wizard can point at them.

import type { Finding, Range } from '../findings';
import type { ParsedDocument } from '../parse/document';
import type { ValueNode } from '../parse/node';

export const MANIFEST_FILE_NAME = 'aws-workflows.yaml';

export type ManifestEntryKind = 'stateMachine' | 'activity' | 'imageBuilderWorkflow' | 'airflowWorkflow';

/** The top-level section that holds each kind of entry. */
export const SECTION_OF_KIND: Record<ManifestEntryKind, ManifestSection> = {
  stateMachine: 'stateMachines',
  activity: 'activities',
  imageBuilderWorkflow: 'imageBuilderWorkflows',
  airflowWorkflow: 'airflowWorkflows',
};

export type ManifestSection = 'stateMachines' | 'activities' | 'imageBuilderWorkflows' | 'airflowWorkflows';

export interface ManifestDefaults {
  region?: string;
  definitionBucket?: string;
  definitionPrefix?: string;
}

/** Step Functions: state machines and activities. */
export type StateMachineType = 'STANDARD' | 'EXPRESS';
export type SfnEncryptionType = 'AWS_OWNED_KEY' | 'CUSTOMER_MANAGED_KMS_KEY';
export type SfnLogLevel = 'ALL' | 'ERROR' | 'FATAL' | 'OFF';

export interface SfnEncryptionSpec {
  type?: SfnEncryptionType | string;
  kmsKeyId?: string;
  kmsDataKeyReusePeriodSeconds?: number;
}

export interface SfnLoggingSpec {
  level?: SfnLogLevel | string;
  includeExecutionData?: boolean;
  /** CloudWatch Logs log group ARN, ending in `:*`. */
  logGroupArn?: string;
}

export type Tags = Record<string, string>;

export interface StateMachineSpec {
  /** Path of the ASL file, relative to the manifest. */
  definition?: string;
  roleArn?: string;
  type?: StateMachineType | string;
  publish?: boolean;
  versionDescription?: string;
  encryption?: SfnEncryptionSpec;
  logging?: SfnLoggingSpec;
  tracing?: boolean;
  tags?: Tags;
  region?: string;
}

export interface ActivitySpec {
  encryption?: SfnEncryptionSpec;
  tags?: Tags;
  region?: string;
}

/** EC2 Image Builder workflows. */
export type ImageBuilderWorkflowType = 'BUILD' | 'TEST' | 'DISTRIBUTION';

export interface ImageBuilderWorkflowSpec {
  definition?: string;
  type?: ImageBuilderWorkflowType | string;
  /** Semantic version `x.y.z`; the service adds the build number. */
  version?: string;
  description?: string;
  changeDescription?: string;
  kmsKeyId?: string;
  tags?: Tags;
  region?: string;
}

/** Amazon MWAA Serverless workflows. */
export type MwaaServerlessEncryptionType = 'AWS_MANAGED_KEY' | 'CUSTOMER_MANAGED_KEY';

export interface MwaaServerlessEncryptionSpec {
  type?: MwaaServerlessEncryptionType | string;
  kmsKeyId?: string;
}

export interface AirflowWorkflowSpec {
  definition?: string;
  roleArn?: string;
  description?: string;
  encryption?: MwaaServerlessEncryptionSpec;
  /** CloudWatch Logs log group name (LoggingConfiguration.LogGroupName). */
  logGroup?: string;
  network?: { securityGroupIds?: string[]; subnetIds?: string[] };
  engineVersion?: number;
  triggerMode?: string;
  tags?: Tags;
  region?: string;
}

export interface SpecOfKind {
  stateMachine: StateMachineSpec;
  activity: ActivitySpec;
  imageBuilderWorkflow: ImageBuilderWorkflowSpec;
  airflowWorkflow: AirflowWorkflowSpec;
}

/** Source ranges of one field: its key and its value. Paths are dotted, e.g. `encryption.kmsKeyId`. */
export interface FieldRanges {
  keyRange: Range;
  valueRange: Range;
  /** Offsets of the value in the text: [start, end). */
  valueStart: number;
  valueEnd: number;
  keyStart: number;
  keyEnd: number;
}

export interface ManifestEntry<S> {
  kind: ManifestEntryKind;
  name: string;
  spec: S;
  /** The range of the entry's key (its name). */
  nameRange: Range;
  /** The entry's value node (a mapping, or null for `name:` with no settings). */
  node: ValueNode;
  /** Ranges of every field the entry sets, keyed by dotted path (`encryption.kmsKeyId`, `tags.team`). */
  fields: Record<string, FieldRanges>;
}

export interface AirflowEnvironmentRef {
  name: string;
  region?: string;
  range: Range;
}

export interface Manifest {
  defaults: ManifestDefaults;
  stateMachines: ManifestEntry<StateMachineSpec>[];
  activities: ManifestEntry<ActivitySpec>[];
  imageBuilderWorkflows: ManifestEntry<ImageBuilderWorkflowSpec>[];
  airflowWorkflows: ManifestEntry<AirflowWorkflowSpec>[];
  airflowEnvironments: AirflowEnvironmentRef[];
  /** Ranges of the defaults' fields, keyed like ManifestEntry.fields. */
  defaultsFields: Record<string, FieldRanges>;
}

export interface ParsedManifest {
  document: ParsedDocument;
  manifest: Manifest;
  /** Parse and shape findings: syntax, unknown keys, wrong types, duplicate names. */
  findings: Finding[];
}

export interface FileProblem {
  /** The path leads out of the folder (through a symbolic link); otherwise it is not a readable file. */
  outside: boolean;
  reason: string;
}

export interface ManifestCheckContext {
  /** Whether a path relative to the manifest's folder exists. */
  fileExists(relPath: string): boolean;
  /** The text of a file relative to the manifest's folder, for the definition kind check. */
  readFile?(relPath: string): string | undefined;
  /** Why a path may not be used though the text allows it (a link out of the folder, a FIFO, too big). */
  fileProblem?(relPath: string): FileProblem | undefined;
  /** The active region, used when neither the entry nor `defaults` sets one. */
  defaultRegion?: string;
}

export type AnyManifestEntry =
  | ManifestEntry<StateMachineSpec>
  | ManifestEntry<ActivitySpec>
  | ManifestEntry<ImageBuilderWorkflowSpec>
  | ManifestEntry<AirflowWorkflowSpec>;

/** Every entry, in section order. */
export function allEntries(manifest: Manifest): AnyManifestEntry[] {
  return [...manifest.stateMachines, ...manifest.activities, ...manifest.imageBuilderWorkflows, ...manifest.airflowWorkflows];
}

/** The region an entry deploys to: its own, else the manifest default, else the caller's. */
export function entryRegion(manifest: Manifest, entry: AnyManifestEntry, defaultRegion?: string): string | undefined {
  return entry.spec.region ?? manifest.defaults.region ?? defaultRegion;
}

export type ParseManifest = (text: string) => ParsedManifest;
export type CheckManifest = (parsed: ParsedManifest, ctx: ManifestCheckContext) => Finding[];
