// Files a template names (a DefinitionUri), read for the graph: relative to the template's folder,
// only inside the allowed roots once links are followed (the same check the template checks use),
// and through the bounded reader.

import { resolve } from 'node:path';
import { isContained } from '../common/containment';
import { readBoundedTextFileSync, type BoundedRead } from './read';

export function containedFileReader(folder: string, roots: readonly string[]): (relPath: string) => BoundedRead {
  return (relPath) => {
    const absolute = resolve(folder, relPath);
    if (!isContained(roots, absolute)) return { ok: false, reason: 'it leads outside the workspace' };
    return readBoundedTextFileSync(absolute);
  };
}
