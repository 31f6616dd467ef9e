// The deploy engine's vocabulary. The engine has no VS Code import: the CLI and the extension
// both drive it, each supplying its own prompts, progress and cancellation.

import type { SFNClient } from '@aws-sdk/client-sfn';
import type { ImagebuilderClient } from '@aws-sdk/client-imagebuilder';
import type { S3Client } from '@aws-sdk/client-s3';
import type {
  CreateWorkflowRequest, CreateWorkflowResponse, GetWorkflowRequest, GetWorkflowResponse, ListTagsForResourceRequest, ListTagsForResourceResponse,
  ListWorkflowsRequest, ListWorkflowsResponse, TagResourceRequest, TagResourceResponse, UpdateWorkflowRequest, UpdateWorkflowResponse,
} from '../../aws/mwaaServerless.generated';
import type { Finding } from '../../core/findings';
import type { Logger } from '../../core/log';
import type {
  ActivitySpec, AirflowWorkflowSpec, ImageBuilderWorkflowSpec, Manifest, ManifestDefaults, ManifestEntryKind, StateMachineSpec,
} from '../../core/manifest/model';

export type DeployKind = ManifestEntryKind;

export const KIND_LABELS: Record<DeployKind, string> = {
  stateMachine: 'state machine',
  activity: 'activity',
  imageBuilderWorkflow: 'Image Builder workflow',
  airflowWorkflow: 'MWAA Serverless workflow',
};

export interface SpecOf {
  stateMachine: StateMachineSpec;
  activity: ActivitySpec;
  imageBuilderWorkflow: ImageBuilderWorkflowSpec;
  airflowWorkflow: AirflowWorkflowSpec;
}

/** One thing to deploy: a manifest entry (or wizard answers) resolved against the workspace. */
export type DeployTarget = {
  [K in DeployKind]: {
    kind: K;
    name: string;
    region: string;
    spec: SpecOf[K];
    defaults: ManifestDefaults;
    /** Absolute path of the definition file (none for activities). */
    definitionPath?: string;
    /** The definition path as written in the manifest, used for S3 keys. */
    definitionRelPath?: string;
    /** Absolute path of aws-workflows.yaml when the target came from it. */
    manifestPath?: string;
    /** Findings of the manifest checks that concern this entry (or the defaults it uses). */
    manifestFindings?: Finding[];
    /** The whole manifest, so lint sees entry settings such as a state machine's type. */
    manifest?: Manifest;
  };
}[DeployKind];

export type DeployAction = 'created' | 'updated' | 'unchanged' | 'failed' | 'validated' | 'cancelled';

export interface DeployResult {
  kind: DeployKind;
  name: string;
  region: string;
  action: DeployAction;
  arn?: string;
  /** Version published or created (state machine version number, Image Builder semantic version, MWAA Serverless version). */
  version?: string;
  /** Warnings from local validation that the user accepted, and from the service (MWAA Serverless `Warnings`). */
  warnings: string[];
  /** What happened, as a sentence. For failures: what failed, why, what to do. */
  message: string;
  /** Local findings that stopped the deploy, by file, so the editor can show them. */
  blockingFindings?: { file: string; findings: Finding[] }[];
}

/** A change an update would make, named for the confirmation. */
export interface PlannedChange {
  field: 'definition' | 'role' | 'type' | 'logging' | 'tracing' | 'encryption' | 'description' | 'network' | 'publish' | 'tags' | 'triggerMode' | 'engineVersion' | 'kmsKey' | 'changeDescription';
  summary: string;
}

export interface UpdatePlan {
  target: DeployTarget;
  arn: string;
  changes: PlannedChange[];
  /** The deployed definition (pretty JSON for state machines) and the local one, for "Compare with deployed". */
  deployedDefinition?: string;
  localDefinition?: string;
  /** Why the deployed definition could not be read, so nothing could be compared (its KMS key). */
  cannotCompare?: string;
}

export interface VersionOffer {
  target: DeployTarget;
  /** Versions that already exist, newest first. */
  existing: string[];
  suggested: string;
}

/** What the engine asks of whoever drives it. Every method may be left out; the defaults never prompt. */
export interface DeployHooks {
  /** Each step, for a progress notification or a log line. */
  onStep?(message: string): void;
  /** Local validation found warnings and no errors: deploy anyway? Default: yes. */
  confirmWarnings?(target: DeployTarget, findings: { file: string; findings: Finding[] }[]): Promise<boolean>;
  /** An update is about to be sent: go ahead? Default: yes. */
  confirmUpdate?(plan: UpdatePlan): Promise<boolean>;
  /** The Image Builder version is missing or already exists: which version instead? undefined stops. Default: the suggestion. */
  chooseVersion?(offer: VersionOffer): Promise<string | undefined>;
}

/** The MWAA Serverless operations a deploy uses (src/aws's client has them all). */
export interface MwaaServerlessApi {
  createWorkflow(input: CreateWorkflowRequest): Promise<CreateWorkflowResponse>;
  updateWorkflow(input: UpdateWorkflowRequest): Promise<UpdateWorkflowResponse>;
  getWorkflow(input: GetWorkflowRequest): Promise<GetWorkflowResponse>;
  listWorkflows(input: ListWorkflowsRequest): Promise<ListWorkflowsResponse>;
  listTagsForResource(input: ListTagsForResourceRequest): Promise<ListTagsForResourceResponse>;
  tagResource(input: TagResourceRequest): Promise<TagResourceResponse>;
}

/** The clients the engine needs; AwsSession (src/aws/session.ts) provides them. */
export interface DeployClients {
  getRegion(): Promise<string>;
  sfn(region?: string): Promise<{ client: SFNClient; sdk: typeof import('@aws-sdk/client-sfn'); region: string }>;
  imagebuilder(region?: string): Promise<{ client: ImagebuilderClient; sdk: typeof import('@aws-sdk/client-imagebuilder'); region: string }>;
  s3(region?: string): Promise<{ client: S3Client; sdk: typeof import('@aws-sdk/client-s3'); region: string }>;
  mwaaServerless(region?: string): Promise<{ client: MwaaServerlessApi; region: string }>;
}

/** Where definitions come from: the adapter reads open editors first, the CLI the disk. */
export interface DefinitionSource {
  readText(absPath: string): Promise<string>;
  exists(absPath: string): Promise<boolean>;
}

export interface DeployOptions {
  clients: DeployClients;
  files: DefinitionSource;
  logger: Logger;
  hooks?: DeployHooks;
  /** Aborted before the create/update call is sent: the deploy stops with action `cancelled`. */
  signal?: AbortSignal;
  /** Listings shared by the entries of one run (deployAll sets it). */
  listings?: Map<string, Promise<unknown[]>>;
  /** Validate locally and with the service's own validation; change nothing. */
  dryRun?: boolean;
}

export class DeployCancelled extends Error {
  constructor() {
    super('Deploy cancelled before anything was sent.');
  }
}

/** A failure whose message is already a sentence for the user. */
export class DeployFailure extends Error {}
