// Uploading definitions to the project's definitionBucket. Buckets are never created here:
// a missing bucket is the user's decision, so it is reported with what to do.

import type { ManifestDefaults } from '../../core/manifest/model';
import { AwsActionError } from '../../aws/errors';
import type { DeployRun } from './context';
import { DeployFailure } from './types';

/** `definitionPrefix` + the definition's path as written in the manifest, with forward slashes. */
export function definitionKey(defaults: ManifestDefaults, relPath: string): string {
  let prefix = (defaults.definitionPrefix ?? '').replace(/^\/+/, '');
  if (prefix && !prefix.endsWith('/')) prefix += '/';
  return prefix + relPath.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

export function requireBucket(run: DeployRun, why: string): string {
  const bucket = run.target.defaults.definitionBucket;
  if (!bucket) {
    throw new DeployFailure(`${run.label} needs an S3 bucket ${why}: set defaults.definitionBucket in aws-workflows.yaml to a bucket in ${run.target.region} you can write to.`);
  }
  return bucket;
}

export async function checkBucketExists(run: DeployRun, bucket: string): Promise<void> {
  const { client, sdk } = await run.options.clients.s3(run.target.region);
  run.step(`Checking bucket ${bucket}`);
  try {
    await run.call({ service: 's3', operation: 'HeadBucket', resource: bucket }, () => client.send(new sdk.HeadBucketCommand({ Bucket: bucket })));
  } catch (err) {
    if (err instanceof AwsActionError && err.kind === 'not-found') {
      throw new DeployFailure(`The definition bucket ${bucket} (defaults.definitionBucket) does not exist in ${run.target.region}. Create it (for example: aws s3 mb s3://${bucket} --region ${run.target.region}) or point definitionBucket at an existing bucket; deploys never create buckets.`);
    }
    throw err;
  }
}

/** Uploads the definition; returns where it went, with the object's VersionId when the bucket is versioned. */
export async function uploadDefinition(run: DeployRun, bucket: string, key: string, body: string): Promise<{ bucket: string; key: string; versionId?: string }> {
  const { client, sdk } = await run.options.clients.s3(run.target.region);
  run.throwIfCancelled();
  run.step(`Uploading the definition to s3://${bucket}/${key}`);
  run.logRequest('s3', 'PutObject', { bucket, key, bytes: Buffer.byteLength(body) });
  const out = await run.call({ service: 's3', operation: 'PutObject', resource: `s3://${bucket}/${key}` }, () =>
    client.send(new sdk.PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/yaml' })));
  return { bucket, key, versionId: out.VersionId && out.VersionId !== 'null' ? out.VersionId : undefined };
}
