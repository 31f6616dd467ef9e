// The AbortSignal of the operation in progress (a deploy, a command with a Cancel button), carried
// through async calls so every AWS request made for it can be aborted, wherever the request is made.

import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<AbortSignal>();

/** Runs `fn` with `signal` as the signal of every AWS request made inside it. */
export function withAbortSignal<T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
  return signal ? current.run(signal, fn) : fn();
}

export function currentAbortSignal(): AbortSignal | undefined {
  return current.getStore();
}

/** Request and connection limits for every AWS call. */
export interface RequestTimeouts {
  connectMs: number;
  requestMs: number;
  /** Uploads to S3 may take longer than an API call. */
  uploadMs: number;
}

export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;

export function requestTimeouts(requestTimeoutSeconds: number | undefined): RequestTimeouts {
  const seconds = requestTimeoutSeconds !== undefined && Number.isFinite(requestTimeoutSeconds) && requestTimeoutSeconds > 0 ? requestTimeoutSeconds : DEFAULT_REQUEST_TIMEOUT_SECONDS;
  const requestMs = Math.round(seconds * 1000);
  return { connectMs: Math.min(5000, requestMs), requestMs, uploadMs: Math.max(requestMs, 5 * 60 * 1000) };
}
