// A minimal glob for `aws-workflows lint`: `*`, `**`, `?`, `[...]` and `{a,b}`, relative to a folder.
// Node 20 has no fs.glob; this avoids a dependency for the few patterns a linter is given.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** Matching files, relative to `cwd` with forward slashes, sorted. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  const segments = normalized.split('/');
  // The literal directories before the first wildcard are where the walk starts.
  const literal: string[] = [];
  while (segments.length > 1 && !isGlob(segments[0])) literal.push(segments.shift() as string);
  const base = literal.join('/');
  const matcher = globToRegExp(segments.join('/'));
  const out: string[] = [];
  const walk = (dir: string, rel: string, depth: number): void => {
    if (depth > 40) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(join(dir, entry.name), childRel, depth + 1);
      } else if (matcher.test(childRel)) {
        out.push(base ? `${base}/${childRel}` : childRel);
      }
    }
  };
  walk(join(cwd, base), '', 0);
  return out.sort();
}

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inGroup = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything below.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else if (c === '{') { re += '(?:'; inGroup++; }
    else if (c === '}' && inGroup > 0) { re += ')'; inGroup--; }
    else if (c === ',' && inGroup > 0) re += '|';
    else re += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
