// Loaded on first use only (dist/sdk/imagebuilder.js); see src/aws/session.ts.
export * from '@aws-sdk/client-imagebuilder';
