// Shared plumbing for the per-service deploys: steps, cancellation, AWS calls, request logs.

import { withAbortSignal } from '../../aws/cancellation';
import { callAws, type AwsCallContext } from '../../aws/errors';
import { DeployCancelled, KIND_LABELS, type DeployOptions, type DeployResult, type DeployTarget } from './types';

export class DeployRun {
  readonly warnings: string[] = [];

  constructor(readonly target: DeployTarget, readonly options: DeployOptions) {}

  step(message: string): void {
    this.options.hooks?.onStep?.(message);
    this.options.logger.debug(`deploy ${this.target.name}: ${message}`);
  }

  /** Called right before any call that changes something; after it, the change is on its way. */
  throwIfCancelled(): void {
    if (this.options.signal?.aborted) throw new DeployCancelled();
  }

  call<T>(ctx: Omit<AwsCallContext, 'region'>, fn: () => Promise<T>): Promise<T> {
    // The run's signal reaches every request made inside, so Cancel and Ctrl-C abort the one in flight.
    return withAbortSignal(this.options.signal, () => callAws({ ...ctx, region: this.target.region }, fn));
  }

  /**
   * A listing shared by every entry of one run (Deploy All lists each service once, not once per
   * entry: 1,000 state machines were 1,000 full list passes). Without a shared cache, it is fetched.
   */
  listOnce<T>(what: string, fetch: () => Promise<T[]>): Promise<T[]> {
    const cache = this.options.listings;
    if (!cache) return fetch();
    const key = `${what}@${this.target.region}`;
    let entry = cache.get(key) as Promise<T[]> | undefined;
    if (!entry) {
      entry = fetch();
      cache.set(key, entry);
      entry.catch(() => cache.delete(key));
    }
    return entry;
  }

  /** One line per request sent, so the log shows what was asked of AWS (no definitions, no secrets). */
  logRequest(service: string, operation: string, summary: Record<string, unknown>): void {
    const parts = Object.entries(summary)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    this.options.logger.info(`${service} ${operation} in ${this.target.region}: ${parts.join(' ')}`);
  }

  result(action: DeployResult['action'], message: string, extra: { arn?: string; version?: string } = {}): DeployResult {
    return { kind: this.target.kind, name: this.target.name, region: this.target.region, action, warnings: [...this.warnings], message, ...extra };
  }

  get label(): string {
    return `${KIND_LABELS[this.target.kind]} ${this.target.name}`;
  }
}

/** Collects every page of a paginated list call. */
export async function collectPages<T>(fetch: (token: string | undefined) => Promise<{ items: T[]; next?: string }>, limit = 200): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  for (let page = 0; page < limit; page++) {
    const { items, next } = await fetch(token);
    out.push(...items);
    if (!next) break;
    token = next;
  }
  return out;
}
