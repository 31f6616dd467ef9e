declare const __VERSION__: string | undefined;

/** The package version, set by the build (scripts/build.mjs); `dev` when run from sources. */
export const CLI_VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';
