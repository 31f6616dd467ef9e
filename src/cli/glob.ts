// Globs for `aws-workflows lint`, by tinyglobby: `*` and `?` never match a leading dot, a malformed
// pattern such as `{a,b.json` is matched literally, and absolute patterns work on every platform.

import path from 'node:path';

// require, not import: esbuild would bundle fdir's ES module build, whose createRequire(import.meta.url)
// has no import.meta in our CommonJS bundle; require() picks the CommonJS builds.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { globSync, isDynamicPattern } = require('tinyglobby') as typeof import('tinyglobby');

const IGNORED = ['**/node_modules/**', '**/.git/**'];

export function isGlob(pattern: string): boolean {
  return isDynamicPattern(toGlobPattern(pattern));
}

/**
 * A path as a glob pattern: on Windows its backslashes are separators (tinyglobby wants `/`), elsewhere
 * a backslash stays an escape. `platformPath` is for tests of the other platform.
 */
export function toGlobPattern(pattern: string, platformPath: typeof path = path): string {
  return platformPath.sep === '\\' ? pattern.replace(/\\/g, '/') : pattern;
}

/** Matching files (not folders) as absolute paths, sorted; `pattern` is relative to `cwd` unless absolute. */
export function expandGlob(pattern: string, cwd: string): string[] {
  return globSync(toGlobPattern(pattern), { cwd, absolute: true, onlyFiles: true, expandDirectories: false, ignore: IGNORED })
    .map((file) => path.resolve(file))
    .sort();
}
