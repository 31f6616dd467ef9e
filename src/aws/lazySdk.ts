// The only place SDK code is reached: each entry point is required on first use, so activating
// the extension loads none of it. Literal require('./sdk/x') calls are kept by esbuild as external
// dist/sdk/x.js files (scripts/build.mjs) and resolved to src/aws/sdk/x.ts under tsx.
/* eslint-disable @typescript-eslint/no-require-imports */

export type SfnSdk = typeof import('./sdk/sfn').default;
export type ImagebuilderSdk = typeof import('./sdk/imagebuilder').default;
export type S3Sdk = typeof import('./sdk/s3').default;
export type LogsSdk = typeof import('./sdk/logs').default;
export type CredentialsSdk = typeof import('./sdk/credentials');
export type SmithySdk = typeof import('./sdk/smithy');
export type IniSdk = typeof import('./sdk/ini');

export const loadSfn = (): SfnSdk => require('./sdk/sfn').default;
export const loadImagebuilder = (): ImagebuilderSdk => require('./sdk/imagebuilder').default;
export const loadS3 = (): S3Sdk => require('./sdk/s3').default;
export const loadLogs = (): LogsSdk => require('./sdk/logs').default;
export const loadCredentialProviders = (): CredentialsSdk => require('./sdk/credentials');
export const loadSmithy = (): SmithySdk => require('./sdk/smithy');
export const loadIni = (): IniSdk => require('./sdk/ini');
