// Loaded on first use only (dist/sdk/s3.js); see src/aws/session.ts.
export * from '@aws-sdk/client-s3';
