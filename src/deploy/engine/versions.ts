// Semantic versions as Image Builder uses them: `x.y.z`, each node 0..2^30−1.

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

export function parseSemver(version: string): [number, number, number] | undefined {
  const m = SEMVER.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function compareSemver(a: string, b: string): number {
  const pa = parseSemver(a) ?? [0, 0, 0];
  const pb = parseSemver(b) ?? [0, 0, 0];
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
}

/** Newest first; values that are not `x.y.z` are dropped. */
export function sortVersionsDescending(versions: Iterable<string>): string[] {
  return [...new Set([...versions].filter((v) => parseSemver(v)))].sort((a, b) => compareSemver(b, a));
}

/** The version to offer after the existing ones (the next patch, or the next minor or major at 2^30−1). */
export { nextPatchVersion } from '../../core/rules/names';
