// File access for the manifest checks and lint, relative to a folder: contained, bounded, regular files only.

import * as path from 'node:path';
import type { FileProblem } from '../core/manifest/model';
import { resolveContained } from './contain';
import { readBoundedTextFileSync } from './read';
import * as fs from 'node:fs';

export interface FolderFileContext {
  fileExists(relPath: string): boolean;
  readFile(relPath: string): string | undefined;
  fileProblem(relPath: string): FileProblem | undefined;
}

/** Paths relative to `dir`, which must stay inside `root` (default: `dir` itself). */
export function folderFileContext(dir: string, root: string = dir): FolderFileContext {
  const reads = new Map<string, ReturnType<typeof readBoundedTextFileSync>>();
  const read = (rel: string) => {
    let r = reads.get(rel);
    if (!r) {
      const where = resolveContained(dir, rel, root);
      r = where.ok ? readBoundedTextFileSync(where.absolute) : where;
      reads.set(rel, r);
    }
    return r;
  };
  return {
    fileExists: (rel) => {
      const where = resolveContained(dir, rel, root);
      // Refused paths "exist" so that fileProblem, not a false "not found", explains them.
      return !where.ok || fs.existsSync(where.absolute);
    },
    readFile: (rel) => {
      const r = read(rel);
      return r.ok ? r.text : undefined;
    },
    fileProblem: (rel) => {
      const where = resolveContained(dir, rel, root);
      if (!where.ok) return { outside: true, reason: where.reason };
      const r = read(rel);
      return r.ok ? undefined : { outside: false, reason: r.reason };
    },
  };
}

/** The absolute path of a definition, or why it is refused. */
export function definitionPath(manifestPath: string, rel: string): ReturnType<typeof resolveContained> {
  return resolveContained(path.dirname(manifestPath), rel);
}
