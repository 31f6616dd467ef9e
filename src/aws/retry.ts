// The retry policy of our own MWAA Serverless client, matching the SDK's "standard" mode:
// throttling, 5xx and dropped connections are retried with full-jitter exponential backoff;
// other 4xx never are. The SDK clients get the same numbers (see AwsSession).

import { THROTTLING_ERROR_NAMES } from './throttlingErrors';

export interface RetryOptions {
  /** Total attempts including the first (SDK standard: 3). */
  maxAttempts: number;
  /** Backoff base; the SDK uses 100 ms (500 ms for throttling). Tests set 0. */
  baseDelayMs: number;
  throttlingBaseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound for a server-requested RetryAfterSeconds wait. */
  maxRetryAfterMs: number;
  /** How to wait; tests replace it to record delays instead of sleeping. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 3,
  baseDelayMs: 100,
  throttlingBaseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
  sleep: abortableSleep,
  random: Math.random,
};

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
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

export type RetryClass = 'throttling' | 'transient' | 'server' | 'none';

const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN']);

/** Whether an error may be retried, and how (mirrors @smithy/service-error-classification). */
export function classifyForRetry(err: unknown): RetryClass {
  const e = err as { name?: string; code?: string; $retryable?: { throttling?: boolean }; $metadata?: { httpStatusCode?: number }; $fault?: string };
  if (!e || typeof e !== 'object') return 'none';
  if (e.name === 'AbortError') return 'none';
  const status = e.$metadata?.httpStatusCode;
  if (e.$retryable?.throttling || status === 429 || (e.name && THROTTLING_ERROR_NAMES.has(e.name))) return 'throttling';
  if ((e.code && TRANSIENT_CODES.has(e.code)) || e.name === 'TimeoutError' || e.name === 'RequestTimeout') return 'transient';
  if (e.$retryable || (status !== undefined && [500, 502, 503, 504].includes(status))) return 'server';
  return 'none';
}

/** Full-jitter exponential backoff before retry number `retry` (1-based), at least RetryAfterSeconds when given. */
export function backoffDelay(options: RetryOptions, retry: number, kind: RetryClass, retryAfterSeconds?: number): number {
  const base = kind === 'throttling' ? options.throttlingBaseDelayMs : options.baseDelayMs;
  const ceiling = Math.min(options.maxDelayMs, base * 2 ** retry);
  const jittered = Math.floor(options.random() * ceiling);
  if (retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0) {
    return Math.max(jittered, Math.min(options.maxRetryAfterMs, retryAfterSeconds * 1000));
  }
  return jittered;
}
