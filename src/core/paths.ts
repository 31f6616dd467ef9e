// Paths that a workspace file names (definition, DefinitionUri, …) must stay inside the folder of
// that file: a stranger's pull request must not make the CLI read or upload ~/.kube/config.
// This is the part decided on the text alone; src/files also follows symlinks.

/** Why a relative path from a workspace file is refused, or undefined when it stays inside its folder. */
export function pathEscapeReason(relPath: string): string | undefined {
  if (relPath.includes('\0')) return 'it contains a NUL character';
  if (/^[a-zA-Z]:/.test(relPath)) return 'it is an absolute Windows path';
  if (/^[\\/]{2}/.test(relPath)) return 'it is a network (UNC) path';
  if (/^[\\/]/.test(relPath)) return 'it is an absolute path';
  if (/^~(?:[\\/]|$)/.test(relPath)) return 'it starts with ~, which would be the home folder';
  // Both separators: on Windows `..\..\x` climbs out as well.
  let depth = 0;
  for (const part of relPath.split(/[\\/]+/)) {
    if (part === '..') depth--;
    else if (part !== '.' && part !== '') depth++;
    if (depth < 0) return 'it climbs out of the folder with ..';
  }
  return undefined;
}
