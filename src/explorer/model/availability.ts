// "Not offered in this region": AWS publishes no per-region service list in the models, so the
// answer comes from DNS: a regional endpoint host that does not exist means the service is not
// there. Only for AWS's own endpoints; with an endpoint override, a lookup failure is a real error.

import { AWS_CALL_INFO, AwsActionError, type AwsCallInfo } from '../../aws/errors';

function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let e: unknown = err;
  while (e && typeof e === 'object' && chain.length < 6 && !chain.includes(e)) {
    chain.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return chain;
}

export function isServiceNotOffered(err: unknown): boolean {
  const chain = causes(err);
  const call = chain.map((e) => (e as Record<string, unknown>)[AWS_CALL_INFO] as AwsCallInfo | undefined).find(Boolean);
  const endpoint = err instanceof AwsActionError ? err.context.endpoint : call?.endpoint;
  if (call?.overridden) return false;
  if (!call && !endpoint) return false;
  return chain.some((e) => (e as { code?: unknown }).code === 'ENOTFOUND');
}
