// Step Functions activities: create-only. The service cannot change an activity's encryption,
// so an existing one with other settings is reported rather than silently accepted.

import type { EncryptionConfiguration } from '@aws-sdk/client-sfn';
import { collectPages, type DeployRun } from './context';
import { sfnEncryption } from './stateMachine';
import { DeployFailure, type DeployResult } from './types';

function sameEncryption(deployed: EncryptionConfiguration | undefined, desired: EncryptionConfiguration | undefined): boolean {
  const a = deployed?.type ?? 'AWS_OWNED_KEY';
  const b = desired?.type ?? 'AWS_OWNED_KEY';
  if (a !== b) return false;
  if (b === 'AWS_OWNED_KEY') return true;
  return deployed?.kmsKeyId === desired?.kmsKeyId
    && (desired?.kmsDataKeyReusePeriodSeconds === undefined || deployed?.kmsDataKeyReusePeriodSeconds === desired.kmsDataKeyReusePeriodSeconds);
}

function describe(e: EncryptionConfiguration | undefined): string {
  return !e || e.type !== 'CUSTOMER_MANAGED_KMS_KEY' ? 'an AWS owned key' : `customer managed key ${e.kmsKeyId ?? '(none)'}`;
}

export async function deployActivity(run: DeployRun): Promise<DeployResult> {
  const target = run.target;
  if (target.kind !== 'activity') throw new Error('not an activity');
  const encryption = sfnEncryption(target.spec.encryption);
  const tags = target.spec.tags ? Object.entries(target.spec.tags).map(([key, value]) => ({ key, value: String(value) })) : undefined;
  const { client, sdk } = await run.options.clients.sfn(target.region);

  run.step(`Looking for activity ${target.name} in ${target.region}`);
  const all = await run.listOnce('states:ListActivities', () => collectPages((nextToken) => run.call({ service: 'states', operation: 'ListActivities' }, async () => {
    const page = await client.send(new sdk.ListActivitiesCommand({ nextToken, maxResults: 1000 }));
    return { items: page.activities ?? [], next: page.nextToken };
  })));
  const existing = all.find((a) => a.name === target.name);

  if (existing) {
    const arn = existing.activityArn!;
    const deployed = await run.call({ service: 'states', operation: 'DescribeActivity', resource: arn }, () =>
      client.send(new sdk.DescribeActivityCommand({ activityArn: arn })));
    if (encryption && !sameEncryption(deployed.encryptionConfiguration, encryption)) {
      throw new DeployFailure(`Activity ${target.name} already exists in ${target.region} encrypted with ${describe(deployed.encryptionConfiguration)}, but the entry asks for ${describe(encryption)}. Step Functions cannot change an activity's encryption: delete the activity and deploy again (its name stays reserved for up to 90 days), or change the entry to match.`);
    }
    return run.result('unchanged', `Activity ${target.name} already exists in ${target.region}.`, { arn });
  }
  if (run.options.dryRun) return run.result('validated', `Activity ${target.name} would be created in ${target.region}.`);

  run.throwIfCancelled();
  run.step(`Creating activity ${target.name}`);
  run.logRequest('states', 'CreateActivity', { name: target.name, encryption: encryption?.type, kmsKeyId: encryption?.kmsKeyId, tags: tags?.map((t) => t.key) });
  const out = await run.call({ service: 'states', operation: 'CreateActivity', resource: target.name, kmsKey: encryption?.kmsKeyId }, () =>
    client.send(new sdk.CreateActivityCommand({ name: target.name, tags, encryptionConfiguration: encryption })));
  return run.result('created', `Created activity ${target.name} in ${target.region}.`, { arn: out.activityArn });
}
