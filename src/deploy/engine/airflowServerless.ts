// Amazon MWAA Serverless workflows: the YAML goes to S3 (pinned to its VersionId when the
// bucket is versioned), then CreateWorkflow, or UpdateWorkflow, which makes a new version.

import { randomUUID } from 'node:crypto';
import type {
  CreateWorkflowRequest, EncryptionConfiguration, GetWorkflowResponse, UpdateWorkflowRequest, UpdateWorkflowResponse, WorkflowSummary,
} from '../../aws/mwaaServerless.generated';
import { AwsActionError } from '../../aws/errors';
import { retryErrorType } from '../../aws/retry';
import { collectPages, type DeployRun } from './context';
import { sameText } from './definition';
import { checkBucketExists, definitionKey, requireBucket, uploadDefinition } from './s3';
import { applyTags, tagChange, tagsToApply } from './tags';
import { DeployFailure, type DeployResult, type MwaaServerlessApi, type PlannedChange } from './types';

export function mwaaEncryption(spec: { type?: string; kmsKeyId?: string } | undefined): EncryptionConfiguration | undefined {
  if (!spec?.type) return undefined;
  return spec.type === 'CUSTOMER_MANAGED_KEY' ? { Type: 'CUSTOMER_MANAGED_KEY', KmsKeyId: spec.kmsKeyId } : { Type: spec.type as EncryptionConfiguration['Type'] };
}

/** What UpdateWorkflow would change; the definition is compared when the service returns it. */
export function airflowWorkflowChanges(deployed: GetWorkflowResponse, desired: Omit<UpdateWorkflowRequest, 'WorkflowArn' | 'DefinitionS3Location'>, definitionText: string): PlannedChange[] {
  const changes: PlannedChange[] = [];
  if (deployed.WorkflowDefinition === undefined || !sameText(deployed.WorkflowDefinition, definitionText)) changes.push({ field: 'definition', summary: 'definition' });
  if (desired.RoleArn !== deployed.RoleArn) changes.push({ field: 'role', summary: `role ${deployed.RoleArn ?? '(none)'} → ${desired.RoleArn}` });
  if (desired.Description !== undefined && desired.Description !== deployed.Description) changes.push({ field: 'description', summary: 'description' });
  if (desired.TriggerMode !== undefined && desired.TriggerMode !== deployed.TriggerMode) {
    changes.push({ field: 'triggerMode', summary: `trigger mode ${deployed.TriggerMode ?? '(none)'} → ${desired.TriggerMode}` });
  }
  if (desired.EngineVersion !== undefined && desired.EngineVersion !== deployed.EngineVersion) {
    changes.push({ field: 'engineVersion', summary: `engine version ${deployed.EngineVersion ?? '(none)'} → ${desired.EngineVersion}` });
  }
  if (desired.LoggingConfiguration && desired.LoggingConfiguration.LogGroupName !== deployed.LoggingConfiguration?.LogGroupName) {
    changes.push({ field: 'logging', summary: `log group ${deployed.LoggingConfiguration?.LogGroupName ?? '(none)'} → ${desired.LoggingConfiguration.LogGroupName}` });
  }
  if (desired.NetworkConfiguration) {
    const same = (a?: string[], b?: string[]) => [...(a ?? [])].sort().join(',') === [...(b ?? [])].sort().join(',');
    if (!same(desired.NetworkConfiguration.SecurityGroupIds, deployed.NetworkConfiguration?.SecurityGroupIds) || !same(desired.NetworkConfiguration.SubnetIds, deployed.NetworkConfiguration?.SubnetIds)) {
      changes.push({ field: 'network', summary: 'network (security groups, subnets)' });
    }
  }
  return changes;
}

function describeMwaaEncryption(e: EncryptionConfiguration | undefined): string {
  return e?.Type === 'CUSTOMER_MANAGED_KEY' ? `the customer managed key ${e.KmsKeyId ?? '(none)'}` : 'an AWS managed key';
}

/** UpdateWorkflow has no EncryptionConfiguration: a different type or key can only be said, with what to do. */
export function encryptionChangeWarning(name: string, deployed: EncryptionConfiguration | undefined, desired: EncryptionConfiguration | undefined): string | undefined {
  if (!desired) return undefined;
  const deployedType = deployed?.Type ?? 'AWS_MANAGED_KEY';
  if (deployedType === desired.Type && (desired.Type !== 'CUSTOMER_MANAGED_KEY' || deployed?.KmsKeyId === desired.KmsKeyId)) return undefined;
  return `${name} is encrypted with ${describeMwaaEncryption(deployed)} and aws-workflows.yaml says ${describeMwaaEncryption(desired)}; MWAA Serverless cannot change a workflow's encryption (UpdateWorkflow has no encryption setting), so it is left as it is. To change it, delete the workflow and deploy again, or deploy it under a new name.`;
}

/**
 * UpdateWorkflow has no idempotency token, so after a timeout or a 5xx the client does not resend
 * it: the workflow is read back, and if it already has this definition the update went through
 * (one version, reported); otherwise it is sent once more.
 */
async function updateOnce(run: DeployRun, client: MwaaServerlessApi, request: UpdateWorkflowRequest, definitionText: string): Promise<UpdateWorkflowResponse> {
  const send = () => run.call({ service: 'airflow-serverless', operation: 'UpdateWorkflow', resource: request.WorkflowArn }, () => client.updateWorkflow(request));
  try {
    return await send();
  } catch (err) {
    const cause = err instanceof AwsActionError ? err.cause : err;
    const kind = retryErrorType(cause);
    if (kind !== 'TRANSIENT' && kind !== 'SERVER_ERROR') throw err;
    run.step('The update did not answer; reading the workflow back before trying again');
    const now = await run.call({ service: 'airflow-serverless', operation: 'GetWorkflow', resource: request.WorkflowArn }, () => client.getWorkflow({ WorkflowArn: request.WorkflowArn }));
    const sent = request.DefinitionS3Location;
    const applied = now.DefinitionS3Location?.ObjectKey === sent?.ObjectKey && (sent?.VersionId ? now.DefinitionS3Location?.VersionId === sent.VersionId : sameText(now.WorkflowDefinition, definitionText));
    if (applied) {
      run.warnings.push(`UpdateWorkflow did not answer in time, but the workflow already has this definition (version ${now.WorkflowVersion ?? '?'}); it was not sent again.`);
      return { WorkflowArn: now.WorkflowArn ?? request.WorkflowArn, WorkflowVersion: now.WorkflowVersion, Warnings: [] } as UpdateWorkflowResponse;
    }
    run.throwIfCancelled();
    return await send();
  }
}

export async function deployAirflowWorkflow(run: DeployRun, definitionText: string, relPath: string): Promise<DeployResult> {
  const target = run.target;
  if (target.kind !== 'airflowWorkflow') throw new Error('not an MWAA Serverless workflow');
  const spec = target.spec;
  if (!spec.roleArn) throw new DeployFailure(`MWAA Serverless workflow ${target.name} has no roleArn: set the IAM role the workflow runs as in aws-workflows.yaml.`);
  const bucket = requireBucket(run, 'to hold its definition (MWAA Serverless reads workflow YAML from S3)');
  const key = definitionKey(target.defaults, relPath);
  const { client } = await run.options.clients.mwaaServerless(target.region);

  const settings = {
    RoleArn: spec.roleArn,
    Description: spec.description,
    LoggingConfiguration: spec.logGroup ? { LogGroupName: spec.logGroup } : undefined,
    EngineVersion: spec.engineVersion,
    NetworkConfiguration: spec.network ? { SecurityGroupIds: spec.network.securityGroupIds, SubnetIds: spec.network.subnetIds } : undefined,
    TriggerMode: spec.triggerMode,
  };

  run.step(`Looking for workflow ${target.name} in ${target.region}`);
  const all = await run.listOnce('airflow-serverless:ListWorkflows', () => collectPages<WorkflowSummary>((NextToken) => run.call({ service: 'airflow-serverless', operation: 'ListWorkflows' }, async () => {
    const page = await client.listWorkflows({ NextToken, MaxResults: 100 });
    return { items: page.Workflows ?? [], next: page.NextToken };
  })));
  const existing = all.find((w) => w.Name === target.name);
  await checkBucketExists(run, bucket);

  let deployed: GetWorkflowResponse | undefined;
  let changes: PlannedChange[] = [];
  let newTags: Record<string, string> = {};
  const encryption = mwaaEncryption(spec.encryption);
  if (existing) {
    const arn = existing.WorkflowArn;
    deployed = await run.call({ service: 'airflow-serverless', operation: 'GetWorkflow', resource: arn }, () => client.getWorkflow({ WorkflowArn: arn }));
    changes = airflowWorkflowChanges(deployed, settings, definitionText);
    if (spec.tags && Object.keys(spec.tags).length > 0) {
      const listed = await run.call({ service: 'airflow-serverless', operation: 'ListTagsForResource', resource: arn }, () => client.listTagsForResource({ ResourceArn: arn }));
      const deployedTags = listed.Tags ?? {};
      newTags = tagsToApply(spec.tags, deployedTags);
      const change = tagChange(newTags, deployedTags);
      if (change) changes.push(change);
    }
    const encryptionDiffers = encryptionChangeWarning(target.name, deployed.EncryptionConfiguration, encryption);
    if (encryptionDiffers) run.warnings.push(encryptionDiffers);
    if (changes.length === 0) {
      return run.result('unchanged', `MWAA Serverless workflow ${target.name} in ${target.region} already matches the local definition and settings.`, { arn, version: deployed.WorkflowVersion });
    }
  }
  if (run.options.dryRun) {
    return run.result('validated', `${run.label} would be uploaded to s3://${bucket}/${key} and ${existing ? 'updated' : 'created'} in ${target.region}.`, { arn: existing?.WorkflowArn });
  }
  if (existing) {
    const proceed = await (run.options.hooks?.confirmUpdate?.({
      target, arn: existing.WorkflowArn, changes, deployedDefinition: deployed?.WorkflowDefinition, localDefinition: definitionText,
    }) ?? Promise.resolve(true));
    if (!proceed) return run.result('cancelled', `Update of ${run.label} cancelled; nothing was sent.`, { arn: existing.WorkflowArn });
  }

  // Tags alone need no upload and no UpdateWorkflow, so they never make a new version.
  if (existing && changes.every((c) => c.field === 'tags')) {
    run.throwIfCancelled();
    await applyTags(run, 'airflow-serverless', existing.WorkflowArn, newTags, undefined, () => client.tagResource({ ResourceArn: existing.WorkflowArn, Tags: newTags }));
    return run.result('updated', `Updated ${run.label} in ${target.region} (tags).`, { arn: existing.WorkflowArn, version: deployed?.WorkflowVersion });
  }

  const uploaded = await uploadDefinition(run, bucket, key, definitionText);
  const location = { Bucket: uploaded.bucket, ObjectKey: uploaded.key, VersionId: uploaded.versionId };
  run.throwIfCancelled();

  if (!existing) {
    const request: CreateWorkflowRequest = {
      Name: target.name,
      // One token per logical attempt, reused by every retry of this create.
      ClientToken: randomUUID(),
      DefinitionS3Location: location,
      ...settings,
      RoleArn: spec.roleArn,
      EncryptionConfiguration: encryption,
      Tags: spec.tags,
    };
    run.step(`Creating workflow ${target.name}`);
    run.logRequest('airflow-serverless', 'CreateWorkflow', { name: target.name, definition: `s3://${bucket}/${key}`, versionId: location.VersionId, roleArn: spec.roleArn, encryption: encryption?.Type, kmsKeyId: encryption?.KmsKeyId, clientToken: request.ClientToken });
    const out = await run.call({ service: 'airflow-serverless', operation: 'CreateWorkflow', resource: target.name }, () => client.createWorkflow(request));
    run.warnings.push(...(out.Warnings ?? []));
    return run.result('created', `Created ${run.label} in ${target.region}.`, { arn: out.WorkflowArn, version: out.WorkflowVersion });
  }

  const request: UpdateWorkflowRequest = { WorkflowArn: existing.WorkflowArn, DefinitionS3Location: location, ...settings, RoleArn: spec.roleArn };
  run.step(`Updating workflow ${target.name} (${changes.map((c) => c.field).join(', ')})`);
  run.logRequest('airflow-serverless', 'UpdateWorkflow', { workflowArn: existing.WorkflowArn, definition: `s3://${bucket}/${key}`, versionId: location.VersionId, changes: changes.map((c) => c.field) });
  const out = await updateOnce(run, client, request, definitionText);
  run.warnings.push(...(out.Warnings ?? []));
  const updated = `Updated ${run.label} in ${target.region} (${changes.map((c) => c.field).join(', ')}); the service made version ${out.WorkflowVersion ?? 'a new version'}`;
  const tagFailure = await applyTags(run, 'airflow-serverless', existing.WorkflowArn, newTags, updated, () => client.tagResource({ ResourceArn: existing.WorkflowArn, Tags: newTags }));
  if (tagFailure) return { ...tagFailure, version: out.WorkflowVersion };
  return run.result('updated', `${updated}.`, { arn: out.WorkflowArn, version: out.WorkflowVersion });
}
