// Error names that mean "slow down, then try again": one list for the sentence shown to the user
// (errors.ts) and for whatever decides retries (retry.ts for our own client, AwsSession for the
// SDK clients), so a retry library swapped in later reads the same list.

/** The names @smithy/service-error-classification already treats as throttling. */
const SDK_THROTTLING_ERROR_NAMES = [
  'BandwidthLimitExceeded', 'EC2ThrottledException', 'LimitExceededException', 'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException',
  'SlowDown', 'ThrottledException', 'Throttling', 'ThrottlingException', 'TooManyRequestsException',
];

/**
 * Throttling the SDK's classification does not know: Step Functions answers KmsThrottlingException
 * when KMS throttles a call it makes for the caller, and the model gives it no retryable trait.
 */
export const EXTRA_THROTTLING_ERROR_NAMES: readonly string[] = ['KmsThrottlingException'];

export const THROTTLING_ERROR_NAMES: ReadonlySet<string> = new Set([...SDK_THROTTLING_ERROR_NAMES, ...EXTRA_THROTTLING_ERROR_NAMES]);

/** Marks an SDK error as throttling for the SDK's retry strategy (it reads `$retryable.throttling`). */
export function markRetryableThrottling(err: unknown): void {
  if (!err || typeof err !== 'object') return;
  const e = err as { name?: string; $retryable?: { throttling?: boolean } };
  if (e.name && EXTRA_THROTTLING_ERROR_NAMES.includes(e.name) && !e.$retryable) e.$retryable = { throttling: true };
}
