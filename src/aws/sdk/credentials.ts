// Loaded on first use only (dist/sdk/credentials.js); see src/aws/credentials.ts.
export { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
