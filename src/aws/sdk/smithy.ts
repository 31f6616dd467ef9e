// Loaded on first use only (dist/sdk/smithy.js): SigV4 signing and the SDK's standard retry strategy
// for our MWAA Serverless client, and the retry strategy that lets tests shorten the SDK clients' backoff.
export { SignatureV4 } from '@smithy/signature-v4';
export { Sha256 } from '@aws-crypto/sha256-js';
export { ConfiguredRetryStrategy, StandardRetryStrategy, MAXIMUM_RETRY_DELAY, isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
export { NodeHttpHandler } from '@smithy/node-http-handler';
