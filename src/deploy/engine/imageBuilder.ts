// EC2 Image Builder workflows: every deploy creates a version. Inline `data` up to the service's
// limit, else an S3 `uri`. A missing version is answered with the next patch version; a named one
// that exists with other content is an error naming that version.

import { randomUUID } from 'node:crypto';
import type { CreateWorkflowRequest, Workflow, WorkflowVersion } from '@aws-sdk/client-imagebuilder';
import { AWS_FACTS } from '../../core/facts/aws.generated';
import type { ImageBuilderWorkflowSpec } from '../../core/manifest/model';
import { toAwsActionError } from '../../aws/errors';
import { collectPages, type DeployRun } from './context';
import { sameText } from './definition';
import { checkBucketExists, definitionKey, requireBucket, uploadDefinition } from './s3';
import { DeployFailure, type DeployResult } from './types';
import { nextPatchVersion, parseSemver, sortVersionsDescending } from './versions';

/** CreateWorkflow's `data` is at most this many characters (InlineWorkflowData in the model). */
export const IMAGE_BUILDER_INLINE_LIMIT = AWS_FACTS.imagebuilder.inlineData.max;

const sameOptional = (a: string | undefined, b: string | undefined) => (a ?? '') === (b ?? '');

function sameTags(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const x = Object.entries(a ?? {});
  return x.length === Object.keys(b ?? {}).length && x.every(([k, v]) => (b ?? {})[k] === v);
}

/**
 * Whether a deployed version already is what the entry would create: every field the service
 * stores for it (document, description, change description, KMS key, tags), not only the document.
 */
export function sameImageBuilderVersion(deployed: Workflow, spec: ImageBuilderWorkflowSpec, definitionText: string): boolean {
  return sameText(deployed.data, definitionText)
    && sameOptional(deployed.description, spec.description)
    && sameOptional(deployed.changeDescription, spec.changeDescription)
    && sameOptional(deployed.kmsKeyId, spec.kmsKeyId)
    && sameTags(deployed.tags, spec.tags);
}

export async function listImageBuilderVersions(run: DeployRun): Promise<WorkflowVersion[]> {
  const { client, sdk } = await run.options.clients.imagebuilder(run.target.region);
  const name = run.target.name;
  const all = await collectPages((nextToken) => run.call({ service: 'imagebuilder', operation: 'ListWorkflows', resource: name }, async () => {
    const page = await client.send(new sdk.ListWorkflowsCommand({ owner: 'Self', filters: [{ name: 'name', values: [name] }], nextToken, maxResults: 25 }));
    return { items: page.workflowVersionList ?? [], next: page.nextToken };
  }));
  // Names are unique per type (the type is part of the ARN).
  const type = run.target.kind === 'imageBuilderWorkflow' ? run.target.spec.type : undefined;
  return all.filter((w) => (w.name ?? '').toLowerCase() === name.toLowerCase() && (!type || !w.type || w.type === type));
}

export async function deployImageBuilderWorkflow(run: DeployRun, definitionText: string, relPath: string): Promise<DeployResult> {
  const target = run.target;
  if (target.kind !== 'imageBuilderWorkflow') throw new Error('not an Image Builder workflow');
  const spec = target.spec;
  if (!spec.type) throw new DeployFailure(`Image Builder workflow ${target.name} has no type: set type to BUILD, TEST or DISTRIBUTION in aws-workflows.yaml.`);
  const { client, sdk } = await run.options.clients.imagebuilder(target.region);

  run.step(`Looking for versions of ${target.name} in ${target.region}`);
  const versions = await listImageBuilderVersions(run);
  const existing = sortVersionsDescending(versions.map((v) => v.version ?? ''));
  let version = spec.version;
  if (version && !parseSemver(version)) throw new DeployFailure(`Image Builder workflow ${target.name} has version '${version}'; versions are major.minor.patch, such as 1.0.0.`);

  // Compared with the named version when it exists, else with the latest: redeploying an unchanged
  // definition must not make 1.0.1, 1.0.2, … (versions cannot be replaced or deleted cheaply).
  const compareWith = version && existing.includes(version) ? version : existing[0];
  if (compareWith) {
    const match = versions.find((v) => v.version === compareWith);
    const deployed = match?.arn
      ? await run.call({ service: 'imagebuilder', operation: 'GetWorkflow', resource: match.arn }, () =>
        client.send(new sdk.GetWorkflowCommand({ workflowBuildVersionArn: match.arn })))
      : undefined;
    if (deployed?.workflow && sameImageBuilderVersion(deployed.workflow, spec, definitionText) && (!version || version === compareWith)) {
      return run.result('unchanged', `Image Builder workflow ${target.name} ${compareWith} in ${target.region} already has this definition and these settings.`, { arn: deployed.workflow.arn ?? match?.arn, version: compareWith });
    }
  }
  if (!version || existing.includes(version)) {
    const suggested = nextPatchVersion(existing);
    if (!suggested) throw new DeployFailure(`${target.name} has version ${existing[0]} in ${target.region}, the highest Image Builder allows (each part at most ${AWS_FACTS.imagebuilder.semanticVersion.nodeMax}); deploy it under a new name.`);
    // A named version that exists with other content is the manifest and the service disagreeing:
    // creating some other version instead would make a new one on every redeploy, never converging.
    if (version) throw new DeployFailure(`Version ${version} of Image Builder workflow ${target.name} already exists in ${target.region} with another definition or settings, and Image Builder versions cannot be replaced. Set version: ${suggested} (the next free version) in aws-workflows.yaml, or remove version to be offered one.`);
    // A dry run changes nothing, so there is nothing to ask: it checks the suggested version.
    const chosen = run.options.hooks?.chooseVersion && !run.options.dryRun
      ? await run.options.hooks.chooseVersion({ target, existing, suggested })
      : suggested;
    if (!chosen) return run.result('cancelled', `Deploy of ${run.label} cancelled: no version chosen; nothing was sent.`);
    if (!parseSemver(chosen)) throw new DeployFailure(`'${chosen}' is not a version; use major.minor.patch, such as ${suggested}.`);
    if (existing.includes(chosen)) throw new DeployFailure(`Version ${chosen} of ${target.name} already exists in ${target.region}; Image Builder versions cannot be replaced. Use ${suggested}.`);
    run.warnings.push(`No version set; deployed as ${chosen}.`);
    version = chosen;
  }

  const request: CreateWorkflowRequest = {
    name: target.name,
    semanticVersion: version,
    type: spec.type as CreateWorkflowRequest['type'],
    description: spec.description,
    changeDescription: spec.changeDescription,
    kmsKeyId: spec.kmsKeyId,
    tags: spec.tags,
    // One token per logical attempt: the SDK's retries resend it, so a retried create cannot create twice.
    clientToken: randomUUID(),
  };
  if (definitionText.length <= IMAGE_BUILDER_INLINE_LIMIT) {
    request.data = definitionText;
  } else {
    const bucket = requireBucket(run, `because its definition has ${definitionText.length} characters, more than the ${IMAGE_BUILDER_INLINE_LIMIT} Image Builder accepts inline`);
    await checkBucketExists(run, bucket);
    const key = definitionKey(target.defaults, relPath);
    if (run.options.dryRun) {
      return run.result('validated', `${run.label} ${version} would be uploaded to s3://${bucket}/${key} and created in ${target.region}; the service cannot check an S3 definition without the upload.`, { version });
    }
    const uploaded = await uploadDefinition(run, bucket, key, definitionText);
    request.uri = `s3://${uploaded.bucket}/${uploaded.key}`;
  }

  if (run.options.dryRun) {
    run.step('Validating with Image Builder (dry run)');
    try {
      await client.send(new sdk.CreateWorkflowCommand({ ...request, dryRun: true }));
    } catch (err) {
      // The service answers a dry run that would succeed with DryRunOperationException.
      if ((err as { name?: string }).name !== 'DryRunOperationException') throw toAwsActionError(err, { service: 'imagebuilder', operation: 'CreateWorkflow', resource: target.name, region: target.region });
    }
    return run.result('validated', `${run.label} ${version} is valid; it would be created in ${target.region}.`, { version });
  }

  run.throwIfCancelled();
  run.step(`Creating ${target.name} ${version}`);
  run.logRequest('imagebuilder', 'CreateWorkflow', { name: target.name, semanticVersion: version, type: request.type, source: request.uri ?? `inline (${definitionText.length} chars)`, kmsKeyId: request.kmsKeyId, clientToken: request.clientToken });
  const out = await run.call({ service: 'imagebuilder', operation: 'CreateWorkflow', resource: `${target.name} ${version}` }, () =>
    client.send(new sdk.CreateWorkflowCommand(request)));
  return run.result(existing.length ? 'updated' : 'created', `${existing.length ? 'Created version' : 'Created'} ${run.label} ${version} in ${target.region}.`, { arn: out.workflowBuildVersionArn, version });
}
