// What AwsSession needs once it does real work (credentials, the config files, endpoints, clients,
// error context): one chunk, loaded on the session's first such call, so that creating the session
// at activation loads none of it (DEVELOPERS.md, "Activation").

export { CredentialSource } from './credentials';
export { AWS_CALL_INFO, describeAwsErrorDetail } from './errors';
export { assertRegionCode, resolveEndpoint, resolveRegion } from './endpoints';
export { DEFAULT_RETRY } from './retry';
export { CancellableRequestHandler } from './requestHandler';
export { markRetryableThrottling } from './throttlingErrors';
export { listProfiles, readSharedConfig } from './sharedConfig';
