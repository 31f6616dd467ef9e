// Details fetched on demand (tooltip, open definition, start execution/run): one Describe/Get per
// request, never while listing.

import { callAws } from '../../aws/errors';
import { MAX_FILE_SIZE_MB } from '../../core/parse/limits';
import { describeExecutionContent, describeStateMachineContent, withStateMachineKey } from '../../aws/stepFunctionsContent';
import type { ExplorerAws } from './listing';
import { formatTime, type ResourceItem, type ResourceRef } from './resources';
import { safeFileName } from './safeFileName';

export interface ResourceDetails {
  /** Facts for the tooltip, in order: label → value. */
  fields: [string, string][];
  encryption?: string;
  /** Newer status or versions learnt from the Describe call, to refresh the item's description. */
  status?: string;
  airflowVersion?: string;
  arn?: string;
}

/** "AWS-owned key" or "customer managed KMS key <id>": the encryption in force, in words. */
export function describeEncryption(type: string | undefined, keyId: string | undefined): string {
  if (keyId && (!type || /CUSTOMER/i.test(type))) return `customer managed KMS key ${keyId}`;
  if (type && /AWS_MANAGED/i.test(type)) return 'AWS managed key';
  return 'AWS-owned key';
}

const date = (d: Date | string | undefined): string | undefined => {
  if (!d) return undefined;
  const v = d instanceof Date ? d : new Date(d);
  return Number.isNaN(v.getTime()) ? undefined : formatTime(v);
};

function fields(entries: [string, string | undefined][]): [string, string][] {
  return entries.filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
}

export async function fetchDetails(aws: ExplorerAws, item: ResourceItem): Promise<ResourceDetails> {
  const { region } = item;
  switch (item.kind) {
    case 'stateMachine':
    case 'stateMachineVersion': {
      // METADATA_ONLY: the tooltip needs no definition, and callers without kms:Decrypt still get the rest.
      const d = await callAws({ service: 'states', operation: 'DescribeStateMachine', region, resource: item.name }, async () => {
        const { client, sdk } = await aws.sfn(region);
        return client.send(new sdk.DescribeStateMachineCommand({ stateMachineArn: item.arn, includedData: 'METADATA_ONLY' }));
      });
      const enc = describeEncryption(d.encryptionConfiguration?.type, d.encryptionConfiguration?.kmsKeyId);
      return {
        arn: d.stateMachineArn,
        status: d.status,
        encryption: enc,
        fields: fields([
          ['ARN', d.stateMachineArn],
          ['Type', d.type],
          ['Status', d.status],
          ['Created', date(d.creationDate)],
          ['Role', d.roleArn],
          ['Description', d.description],
          ['Logging', d.loggingConfiguration?.level],
          ['Tracing', d.tracingConfiguration?.enabled ? 'X-Ray enabled' : undefined],
          ['Encryption', enc],
        ]),
      };
    }
    case 'stateMachineAlias': {
      const a = await (await import('./aliases')).describeAlias(aws, region, item.arn ?? '', item.name);
      const routing = a.routing.map((r) => `version ${r.version}: ${r.weight}%`).join(', ');
      return { arn: a.arn, fields: fields([['ARN', a.arn], ['Routing', routing], ['Description', a.description], ['Created', date(a.creationDate)], ['Updated', date(a.updateDate)]]) };
    }
    case 'stateMachineExecution': {
      // METADATA_ONLY: the tooltip shows no input or output, so no kms:Decrypt is needed.
      const d = await callAws({ service: 'states', operation: 'DescribeExecution', region, resource: item.name }, async () => {
        const { client, sdk } = await aws.sfn(region);
        return client.send(new sdk.DescribeExecutionCommand({ executionArn: item.arn, includedData: 'METADATA_ONLY' }));
      });
      return {
        arn: d.executionArn,
        status: d.status,
        fields: fields([
          ['ARN', d.executionArn],
          ['Status', d.status],
          ['Started', date(d.startDate)],
          ['Stopped', date(d.stopDate)],
          ['Version', d.stateMachineVersionArn],
          ['Alias', d.stateMachineAliasArn],
          ['Redrives', d.redriveCount ? String(d.redriveCount) : undefined],
          ['Redrive', d.redriveStatus === 'REDRIVABLE' ? 'possible' : undefined],
        ]),
      };
    }
    case 'activity': {
      const d = await callAws({ service: 'states', operation: 'DescribeActivity', region, resource: item.name }, async () => {
        const { client, sdk } = await aws.sfn(region);
        return client.send(new sdk.DescribeActivityCommand({ activityArn: item.arn }));
      });
      const enc = describeEncryption(d.encryptionConfiguration?.type, d.encryptionConfiguration?.kmsKeyId);
      return { arn: d.activityArn, encryption: enc, fields: fields([['ARN', d.activityArn], ['Created', date(d.creationDate)], ['Encryption', enc]]) };
    }
    case 'imageBuilderWorkflow':
    case 'imageBuilderBuildVersion': {
      const d = await callAws({ service: 'imagebuilder', operation: 'GetWorkflow', region, resource: item.name }, async () => {
        const { client, sdk } = await aws.imagebuilder(region);
        return client.send(new sdk.GetWorkflowCommand({ workflowBuildVersionArn: item.arn }));
      });
      const w = d.workflow ?? {};
      const enc = describeEncryption(w.kmsKeyId ? 'CUSTOMER' : undefined, w.kmsKeyId);
      return {
        arn: w.arn,
        status: w.state?.status,
        encryption: enc,
        fields: fields([
          ['ARN', w.arn],
          ['Type', w.type],
          ['Version', w.version],
          ['Created', date(w.dateCreated)],
          ['Description', w.description],
          ['Change', w.changeDescription],
          ['Status', w.state?.status],
          ['Encryption', enc],
        ]),
      };
    }
    case 'mwaaEnvironment': {
      const d = await callAws({ service: 'airflow', operation: 'GetEnvironment', region, resource: item.name }, async () => {
        const { client } = await aws.mwaa(region);
        return client.getEnvironment({ Name: item.name });
      });
      const e = d.Environment ?? {};
      const enc = describeEncryption(e.KmsKey ? 'CUSTOMER' : undefined, e.KmsKey);
      return {
        arn: e.Arn,
        status: e.Status,
        airflowVersion: e.AirflowVersion,
        encryption: enc,
        fields: fields([
          ['ARN', e.Arn],
          ['Status', e.Status],
          ['Airflow', e.AirflowVersion],
          ['Class', e.EnvironmentClass],
          ['Web server access', e.WebserverAccessMode],
          ['Created', date(e.CreatedAt)],
          ['Execution role', e.ExecutionRoleArn],
          ['DAGs', e.SourceBucketArn && e.DagS3Path ? `${e.SourceBucketArn.replace(/^arn:[^:]+:s3:::/, 's3://')}/${e.DagS3Path}` : undefined],
          ['Encryption', enc],
        ]),
      };
    }
    case 'mwaaServerlessWorkflow':
    case 'mwaaServerlessVersion': {
      const d = await callAws({ service: 'airflow-serverless', operation: 'GetWorkflow', region, resource: item.workflowName ?? item.name }, async () => {
        const { client } = await aws.mwaaServerless(region);
        return client.getWorkflow({ WorkflowArn: item.arn ?? '', WorkflowVersion: item.kind === 'mwaaServerlessVersion' ? item.workflowVersion : undefined });
      });
      const enc = describeEncryption(d.EncryptionConfiguration?.Type, d.EncryptionConfiguration?.KmsKeyId);
      const loc = d.DefinitionS3Location;
      return {
        arn: d.WorkflowArn,
        status: d.WorkflowStatus,
        encryption: enc,
        fields: fields([
          ['ARN', d.WorkflowArn],
          ['Version', d.WorkflowVersion],
          ['Status', d.WorkflowStatus],
          ['Created', date(d.CreatedAt)],
          ['Modified', date(d.ModifiedAt)],
          ['Role', d.RoleArn],
          ['Definition', loc ? `s3://${loc.Bucket}/${loc.ObjectKey}${loc.VersionId ? ` (version ${loc.VersionId})` : ''}` : undefined],
          ['Schedule', d.ScheduleConfiguration?.CronExpression],
          ['Encryption', enc],
        ]),
      };
    }
    case 'mwaaServerlessRun': {
      const d = await callAws({ service: 'airflow-serverless', operation: 'GetWorkflowRun', region, resource: item.name }, async () => {
        const { client } = await aws.mwaaServerless(region);
        return client.getWorkflowRun({ WorkflowArn: item.arn ?? '', RunId: item.name });
      });
      const r = d.RunDetail;
      return {
        arn: d.WorkflowArn,
        status: r?.RunState,
        fields: fields([
          ['Run', d.RunId],
          ['Workflow', item.workflowName],
          ['Version', d.WorkflowVersion],
          ['Type', d.RunType],
          ['Status', r?.RunState],
          ['Started', date(r?.StartedOn)],
          ['Ended', date(r?.CompletedOn)],
          ['Error', r?.ErrorMessage],
        ]),
      };
    }
  }
}

/** The tooltip text: the name in bold, then one line per fact. */
export function tooltipMarkdown(name: string, details: ResourceDetails): string {
  const esc = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
  const lines = details.fields.map(([k, v]) => `${esc(k)}: ${k === 'ARN' || k.endsWith('role') || k === 'Role' ? `\`${v.replace(/`/g, '')}\`` : esc(v)}`);
  return [`**${esc(name)}**`, '', ...lines].join('  \n');
}

export type DefinitionLanguage = 'asl' | 'yaml' | 'json';

export interface DefinitionDocument {
  text: string;
  language: DefinitionLanguage;
  /** Set when the definition could not be read (its KMS key refused kms:Decrypt): the sentence that says so. */
  unreadable?: string;
  /** A file name to suggest when saving: `OrderProcessing.asl.json`. */
  fileName: string;
}

export function hasDefinition(kind: ResourceRef['kind']): boolean {
  return ['stateMachine', 'stateMachineVersion', 'imageBuilderWorkflow', 'imageBuilderBuildVersion', 'mwaaServerlessWorkflow', 'mwaaServerlessVersion'].includes(kind);
}

/** The deployed definition: DescribeStateMachine, Image Builder GetWorkflow, or GetWorkflow + S3 GetObject. */
const MAX_DEFINITION_BYTES = MAX_FILE_SIZE_MB.default * 1024 * 1024;

export async function fetchDefinition(aws: ExplorerAws, ref: ResourceRef): Promise<DefinitionDocument> {
  const { region } = ref;
  switch (ref.kind) {
    case 'stateMachine':
    case 'stateMachineVersion': {
      const handle = await callAws({ service: 'states', operation: 'DescribeStateMachine', region, resource: ref.name }, () => aws.sfn(region));
      const { machine, unreadable } = await describeStateMachineContent(handle, ref.arn ?? '', { region, resource: ref.name });
      if (unreadable) {
        // Everything METADATA_ONLY answered, and in place of the definition why it is missing.
        const { $metadata: _, ...metadata } = machine as typeof machine & { $metadata?: unknown };
        const text = `${JSON.stringify({ ...metadata, definition: `(not readable) ${unreadable}` }, null, 2)}\n`;
        return { text, language: 'json', fileName: `${safeFileName(ref.name)}.metadata.json`, unreadable };
      }
      return { text: prettyJson(machine.definition ?? '{}'), language: 'asl', fileName: `${safeFileName(ref.name)}.asl.json` };
    }
    case 'imageBuilderWorkflow':
    case 'imageBuilderBuildVersion': {
      const d = await callAws({ service: 'imagebuilder', operation: 'GetWorkflow', region, resource: ref.name }, async () => {
        const { client, sdk } = await aws.imagebuilder(region);
        return client.send(new sdk.GetWorkflowCommand({ workflowBuildVersionArn: ref.arn }));
      });
      return { text: d.workflow?.data ?? '', language: 'yaml', fileName: `${safeFileName(d.workflow?.name ?? ref.name)}.yaml` };
    }
    case 'mwaaServerlessWorkflow':
    case 'mwaaServerlessVersion': {
      const name = ref.workflowName ?? ref.name;
      const d = await callAws({ service: 'airflow-serverless', operation: 'GetWorkflow', region, resource: name }, async () => {
        const { client } = await aws.mwaaServerless(region);
        return client.getWorkflow({ WorkflowArn: ref.arn ?? '', WorkflowVersion: ref.workflowVersion });
      });
      const loc = d.DefinitionS3Location;
      if (!loc) throw new Error(`MWAA Serverless returned no definition location for ${name} in ${region}.`);
      const where = `s3://${loc.Bucket}/${loc.ObjectKey}`;
      const read = await callAws({ service: 's3', operation: 'GetObject', region, resource: where }, async () => {
        const s3 = await aws.s3(region);
        const obj = await s3.client.send(new s3.sdk.GetObjectCommand({ Bucket: loc.Bucket, Key: loc.ObjectKey, VersionId: loc.VersionId }));
        // The same cap as a workspace file: a huge object is refused before its body is read.
        if ((obj.ContentLength ?? 0) > MAX_DEFINITION_BYTES) {
          (obj.Body as { destroy?: () => void } | undefined)?.destroy?.();
          return { tooLarge: obj.ContentLength ?? 0, text: '' };
        }
        return { tooLarge: undefined, text: (await obj.Body?.transformToString('utf-8')) ?? '' };
      });
      if (read.tooLarge !== undefined) {
        throw new Error(`The definition of ${name} (${where}) is ${(read.tooLarge / 1048576).toFixed(1)} MB, more than the ${MAX_FILE_SIZE_MB.default} MB a definition is opened at; download it from S3 instead.`);
      }
      const text = read.text;
      return { text, language: 'yaml', fileName: loc.ObjectKey.slice(loc.ObjectKey.lastIndexOf('/') + 1) || `${safeFileName(name)}.yaml` };
    }
    default:
      throw new Error(`${ref.name} has no definition to open.`);
  }
}

function prettyJson(text: string): string {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return text; // keep what the service has, even if it is not JSON
  }
}

export interface StartedExecution {
  executionArn: string;
  startDate?: Date;
}

export async function startExecution(aws: ExplorerAws, ref: ResourceRef, input: string): Promise<StartedExecution> {
  const ctx = { service: 'states', operation: 'StartExecution', region: ref.region, resource: ref.name } as const;
  const handle = await callAws(ctx, () => aws.sfn(ref.region));
  const out = await withStateMachineKey(handle, ref.arn ?? '', ctx, () => handle.client.send(new handle.sdk.StartExecutionCommand({ stateMachineArn: ref.arn, input })));
  return { executionArn: out.executionArn ?? '', startDate: out.startDate };
}

export interface ExecutionResult {
  status: string;
  output?: string;
  error?: string;
  cause?: string;
  /** Set when the input and output could not be read (the state machine's KMS key refused kms:Decrypt). */
  unreadable?: string;
}

export async function describeExecution(aws: ExplorerAws, region: string, executionArn: string): Promise<ExecutionResult> {
  const handle = await callAws({ service: 'states', operation: 'DescribeExecution', region, resource: executionArn }, () => aws.sfn(region));
  const { execution: d, unreadable } = await describeExecutionContent(handle, executionArn, { region });
  return { status: d.status ?? 'UNKNOWN', output: d.output, error: d.error, cause: d.cause, unreadable };
}
