/** A manifest-relative path as the snapshot keys it: forward slashes, no leading `./`. */
export function normalizeRelPath(relPath: string): string {
  return relPath.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
