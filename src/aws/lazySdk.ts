// The only place SDK code is reached: each entry point is required on first use, so activating
// the extension loads none of it. Literal require('./sdk/x') calls are kept by esbuild as external
// dist/sdk/x.js files (scripts/build.mjs) and resolved to src/aws/sdk/x.ts under tsx.
/* eslint-disable @typescript-eslint/no-require-imports */

export type SfnSdk = typeof import('./sdk/sfn');
export type ImagebuilderSdk = typeof import('./sdk/imagebuilder');
export type MwaaSdk = typeof import('./sdk/mwaa');
export type S3Sdk = typeof import('./sdk/s3');
export type CredentialsSdk = typeof import('./sdk/credentials');
export type SmithySdk = typeof import('./sdk/smithy');

export const loadSfn = (): SfnSdk => require('./sdk/sfn');
export const loadImagebuilder = (): ImagebuilderSdk => require('./sdk/imagebuilder');
export const loadMwaa = (): MwaaSdk => require('./sdk/mwaa');
export const loadS3 = (): S3Sdk => require('./sdk/s3');
export const loadCredentialProviders = (): CredentialsSdk => require('./sdk/credentials');
export const loadSmithy = (): SmithySdk => require('./sdk/smithy');
