// Local files a template names (SAM DefinitionUri, Image Builder Uri before packaging): that they
// exist, under exactly that letter case (a case-insensitive file system hides the difference
// until Linux CI), and stay inside the workspace.

import type { StringNode } from '../parse/node';
import { suggest } from '../suggest';
import type { TemplateReporter } from './report';

/** Files relative to the linted file's folder. `undefined` answers mean "not known (yet)": no finding. */
export interface SiblingFiles {
  exists(relPath: string): boolean | undefined;
  read(relPath: string): string | undefined;
  /** The entries of a folder, in their real letter case. */
  list(relDir: string): string[] | undefined;
  /** Whether the path stays inside the workspace after following symbolic links. */
  contained(relPath: string): boolean;
}

export function normalizeLocalPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/').replace(/\/\.\//g, '/');
}

export function isRemote(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path);
}

function join(dir: string, name: string): string {
  if (name === '.') return dir;
  if (name === '..') {
    if (dir === '' || dir.endsWith('..')) return dir ? `${dir}/..` : '..';
    const i = dir.lastIndexOf('/');
    return i < 0 ? '' : dir.slice(0, i);
  }
  return dir ? `${dir}/${name}` : name;
}

export interface LocalFile {
  /** The path as it exists on disk (letter case corrected), relative to the template's folder. */
  relPath: string;
  text?: string;
}

/**
 * Checks a local path property; returns the file when it exists (read, if readable), so a
 * DefinitionUri's placeholders can be matched to DefinitionSubstitutions.
 */
export function checkLocalPath(report: TemplateReporter, node: StringNode, files: SiblingFiles | undefined, property: string, logicalId: string): LocalFile | undefined {
  const raw = node.value.trim();
  if (!files || raw === '' || isRemote(raw)) return undefined;
  const rel = normalizeLocalPath(raw);
  if (rel.startsWith('/')) return undefined;
  if (!files.contained(rel)) {
    report.node('cfn/path-outside-workspace', 'warning', `${property} '${raw}' of '${logicalId}' leads outside the workspace, so it is not read or checked.`, node);
    return undefined;
  }
  let dir = '';
  let caseFixed = false;
  const segments = rel.split('/').filter((s) => s !== '');
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg === '.' || seg === '..') {
      dir = join(dir, seg);
      continue;
    }
    const entries = files.list(dir);
    if (!entries) {
      // Listing unknown: fall back to existence alone.
      const exists = files.exists(rel);
      if (exists === false) missing(report, node, raw, property, logicalId, undefined);
      return exists ? { relPath: rel, text: files.read(rel) } : undefined;
    }
    if (entries.includes(seg)) {
      dir = join(dir, seg);
      continue;
    }
    const sameLetters = entries.filter((e) => e.toLowerCase() === seg.toLowerCase());
    if (sameLetters.length === 1) {
      dir = join(dir, sameLetters[0]);
      caseFixed = true;
      continue;
    }
    const suggestion = suggest(seg, entries);
    const suggested = suggestion ? [...segments.slice(0, i), suggestion, ...segments.slice(i + 1)].join('/') : undefined;
    missing(report, node, raw, property, logicalId, suggested ? keepPrefix(raw, suggested) : undefined);
    return undefined;
  }
  if (caseFixed) {
    const actual = keepPrefix(raw, dir);
    report.node('cfn/path-case-mismatch', 'error', `${property} '${raw}' of '${logicalId}' differs in letter case from the file on disk, '${actual}'. It works on case-insensitive file systems (macOS, Windows) and fails on Linux, e.g. in CI.`, node, {
      fixes: [report.replaceFix(`Change to '${actual}'`, node, actual)],
      data: { actual },
    });
  }
  if (files.exists(dir) === false) return undefined;
  return { relPath: dir, text: files.read(dir) };
}

function missing(report: TemplateReporter, node: StringNode, raw: string, property: string, logicalId: string, suggestion: string | undefined): void {
  report.node('cfn/path-missing', 'error', `${property} '${raw}' of '${logicalId}' names a file that does not exist.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`, node, {
    fixes: suggestion ? [report.replaceFix(`Change to '${suggestion}'`, node, suggestion)] : undefined,
  });
}

/** The corrected path, written with the original's leading `./` if it had one. */
function keepPrefix(original: string, path: string): string {
  const prefix = /^(\.\/)+/.exec(original.replace(/\\/g, '/'))?.[0] ?? '';
  return prefix + path;
}
