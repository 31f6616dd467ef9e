// Loaded on first use only (dist/sdk/sfn.js); see src/aws/session.ts.
export * from '@aws-sdk/client-sfn';
