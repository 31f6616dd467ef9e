// Resolving a path a workspace file names: it must stay inside `root` (the folder of the naming
// file, or the workspace in the editor) after following symbolic links, or nothing is read.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathEscapeReason } from '../core/paths';

export type ContainedPath = { ok: true; absolute: string } | { ok: false; reason: string };

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return p;
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * `relPath` resolved against `baseDir`, refused when it is absolute, climbs out with `..`, or
 * reaches outside `root` through a symbolic link. A path that does not exist yet is judged by
 * its nearest existing parent.
 */
export function resolveContained(baseDir: string, relPath: string, root: string = baseDir): ContainedPath {
  const why = pathEscapeReason(relPath);
  if (why) return { ok: false, reason: `${why}; paths must stay inside ${root}` };
  const absolute = path.resolve(baseDir, relPath);
  const realRoot = realOrSelf(path.resolve(root));
  if (!isInside(path.resolve(root), absolute)) return { ok: false, reason: `it is outside ${root}` };
  // Follow links: the nearest existing ancestor (or the file itself) must resolve inside the root.
  let probe = absolute;
  while (!fs.existsSync(probe) && path.dirname(probe) !== probe) probe = path.dirname(probe);
  const real = realOrSelf(probe);
  if (!isInside(realRoot, real)) return { ok: false, reason: `it leads through a symbolic link to ${real}, outside ${root}` };
  return { ok: true, absolute };
}
