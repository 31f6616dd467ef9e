// Retries for our MWAA Serverless client, decided by @smithy/core's StandardRetryStrategy (what
// @smithy/util-retry became; the SDK clients' own "standard" mode): which errors are retried, how
// many attempts, and the retry quota shared by every call of one client, so a failing service is
// not hammered. That strategy sleeps inside refreshRetryTokenForRetry and cannot be cancelled, so
// it is given a zero wait and the wait it would have taken (same base, same full-jitter formula,
// at least the service's RetryAfterSeconds) happens here, where an abort ends it at once.

import { loadSmithy, type SmithySdk } from './lazySdk';
import { THROTTLING_ERROR_NAMES } from './throttlingErrors';

export interface RetryOptions {
  /** Total attempts including the first (SDK standard: 3). */
  maxAttempts: number;
  /** Backoff base in ms instead of the SDK's (tests set 0); `throttlingBaseDelayMs` for throttling. */
  baseDelayMs?: number;
  throttlingBaseDelayMs?: number;
  /** How to wait; tests replace it to record delays instead of sleeping. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 3, sleep: abortableSleep };

export type RetryErrorType = 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR';

type Strategy = InstanceType<SmithySdk['StandardRetryStrategy']>;
type Token = Awaited<ReturnType<Strategy['acquireInitialRetryToken']>>;

/** The SDK's classification (@smithy/core/retry) plus our throttling names; a cancelled request is never retried. */
export function retryErrorType(err: unknown): RetryErrorType {
  const e = err as { name?: string; $retryable?: { throttling?: boolean } } | undefined;
  if (!e || typeof e !== 'object' || e.name === 'AbortError') return 'CLIENT_ERROR';
  const { isThrottlingError, isTransientError, isServerError } = loadSmithy();
  if (e.$retryable) return e.$retryable.throttling ? 'THROTTLING' : 'TRANSIENT';
  // Also the throttling the SDK does not know by name (KmsThrottlingException): see throttlingErrors.ts.
  if (isThrottlingError(err as never) || (e.name !== undefined && THROTTLING_ERROR_NAMES.has(e.name))) return 'THROTTLING';
  if (isTransientError(err as never)) return 'TRANSIENT';
  if (isServerError(err as never)) return 'SERVER_ERROR';
  return 'CLIENT_ERROR';
}

export interface RetryHooks {
  signal?: AbortSignal;
  /** Told before each wait: the error, the wait, and the number of the attempt that follows. */
  onRetry?: (err: unknown, delayMs: number, nextAttempt: number) => void;
  /** False when this error must not be retried by this caller (a call without an idempotency token that may have been applied). */
  mayRetry?: (err: unknown) => boolean;
}

/** One per client: the quota is shared by its calls, as in an SDK client. */
export class RetryPolicy {
  private readonly options: RetryOptions;
  private strategy?: Strategy;
  /** The base the strategy chose for the current retry (50 ms, 1 s for throttling, in @smithy/core 3). */
  private delayBase = 0;

  constructor(options: Partial<RetryOptions> = {}) {
    this.options = { ...DEFAULT_RETRY, ...options };
  }

  get maxAttempts(): number {
    return this.options.maxAttempts;
  }

  /** Runs `attempt` (1, 2, …) until it succeeds, fails for good, attempts or quota run out, or `signal` aborts. */
  async run<T>(attempt: (n: number) => Promise<T>, hooks: RetryHooks = {}): Promise<T> {
    const strategy = this.getStrategy();
    let token: Token = await strategy.acquireInitialRetryToken('');
    for (let n = 1; ; n++) {
      try {
        const result = await attempt(n);
        strategy.recordSuccess(token);
        return result;
      } catch (err) {
        if (hooks.signal?.aborted || hooks.mayRetry?.(err) === false) throw err;
        const errorType = retryErrorType(err);
        try {
          token = await strategy.refreshRetryTokenForRetry(token, { errorType });
        } catch {
          throw err; // not retryable, out of attempts, or out of quota
        }
        const delay = this.delay(token.getRetryCount() - 1, errorType, err);
        hooks.onRetry?.(err, delay, n + 1);
        await this.options.sleep(delay, hooks.signal);
      }
    }
  }

  /** Full jitter over the strategy's base, at least the service's RetryAfterSeconds (capped as the SDK caps it). */
  private delay(retry: number, errorType: RetryErrorType, err: unknown): number {
    const { MAXIMUM_RETRY_DELAY } = loadSmithy();
    const override = errorType === 'THROTTLING' ? this.options.throttlingBaseDelayMs ?? this.options.baseDelayMs : this.options.baseDelayMs;
    const base = override ?? this.delayBase;
    const backoff = Math.floor(Math.random() * Math.min(base * 2 ** retry, MAXIMUM_RETRY_DELAY));
    const retryAfter = (err as { RetryAfterSeconds?: number }).RetryAfterSeconds;
    if (typeof retryAfter !== 'number' || !(retryAfter > 0)) return backoff;
    return Math.max(backoff, Math.min(retryAfter * 1000, backoff + 5_000));
  }

  private getStrategy(): Strategy {
    if (!this.strategy) {
      const { StandardRetryStrategy } = loadSmithy();
      const zeroWait = {
        setDelayBase: (base: number) => { this.delayBase = base; },
        computeNextBackoffDelay: () => 0,
      };
      this.strategy = new StandardRetryStrategy({ maxAttempts: this.options.maxAttempts, backoff: zeroWait } as never);
    }
    return this.strategy;
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortError(): Error {
  const e = new Error('The request was cancelled.');
  e.name = 'AbortError';
  return e;
}
