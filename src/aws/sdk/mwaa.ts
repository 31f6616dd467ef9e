// Loaded on first use only (dist/sdk/mwaa.js); see src/aws/session.ts.
export * from '@aws-sdk/client-mwaa';
