// Whether a path stays inside one of the allowed folders once symbolic links are followed.
// One small function, shared by the CLI and the editor, for a file a workspace names (a template's
// DefinitionUri): a hostile workspace must not make us read outside it. Plain Node, no vscode.

import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
function realPath(path: string): string {
  let current = resolve(path);
  const rest: string[] = [];
  for (let i = 0; i < 256; i++) {
    try {
      return resolve(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      rest.push(current.slice(parent.length).replace(/^[\\/]/, ''));
      current = parent;
    }
  }
  return resolve(path);
}

export function isContained(roots: readonly string[], path: string): boolean {
  const real = realPath(path);
  return roots.some((root) => {
    const rel = relative(realPath(root), real);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}
