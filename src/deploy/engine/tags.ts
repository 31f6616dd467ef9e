// Tags on update. UpdateStateMachine and UpdateWorkflow take no tags, so an update applies the
// entry's tags with TagResource. The manifest owns only the keys it lists: those are added or
// overwritten, and keys it does not list (cost allocation, other tools, the console) are never
// removed. So there is no UntagResource: deleting a key from the manifest leaves it on the resource.

import { AwsActionError } from '../../aws/errors';
import type { Tags } from '../../core/manifest/model';
import type { DeployRun } from './context';
import type { DeployResult, PlannedChange } from './types';

/** The listed tags the resource lacks or holds with another value. */
export function tagsToApply(listed: Tags | undefined, deployed: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(listed ?? {})) {
    const value = String(raw);
    if (deployed[key] !== value) out[key] = value;
  }
  return out;
}

/** `tags team=orders (was platform), owner=ana (new)` for the confirmation, or nothing when no tag changes. */
export function tagChange(toApply: Record<string, string>, deployed: Record<string, string>): PlannedChange | undefined {
  const keys = Object.keys(toApply);
  if (keys.length === 0) return undefined;
  const parts = keys.map((k) => `${k}=${toApply[k]} (${k in deployed ? `was ${deployed[k]}` : 'new'})`);
  return { field: 'tags', summary: `tags ${parts.join(', ')}` };
}

/** Step Functions lists tags as `{key, value}` pairs; this compares them as a map. */
export function tagMapOf(pairs: { key?: string; value?: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of pairs ?? []) if (t.key !== undefined) out[t.key] = t.value ?? '';
  return out;
}

/**
 * TagResource with the tags to apply, if any. When an update already went through and tagging
 * fails, the result says both (so nobody thinks nothing changed); otherwise the error goes up as usual.
 */
export async function applyTags(
  run: DeployRun,
  service: 'states' | 'airflow-serverless',
  arn: string,
  tags: Record<string, string>,
  alreadyUpdated: string | undefined,
  send: () => Promise<unknown>,
): Promise<DeployResult | undefined> {
  if (Object.keys(tags).length === 0) return undefined;
  run.step(`Tagging ${run.label}`);
  run.logRequest(service, 'TagResource', { resourceArn: arn, tags: Object.keys(tags) });
  try {
    await run.call({ service, operation: 'TagResource', resource: arn }, send);
    return undefined;
  } catch (err) {
    if (alreadyUpdated === undefined || !(err instanceof AwsActionError)) throw err;
    run.options.logger.warn(`deploy ${run.target.name}: ${err.message}`);
    return run.result('failed', `${alreadyUpdated}, but its tags were not applied: ${err.message}`, { arn });
  }
}
