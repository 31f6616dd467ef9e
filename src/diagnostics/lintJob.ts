// One lint run as plain data, so the same code runs inline and in a worker thread.
// No vscode import: the worker loads this file without the extension host.

import type { Finding } from '../core/findings';
import type { DocumentKind } from '../core/kind';
import { lintText, type LintContext } from '../core/lint';
import { parseManifest, type Manifest } from '../core/manifest';
import { normalizeRelPath } from './relPath';

export { normalizeRelPath };

/**
 * What the adapter knows about files the rules may ask for, relative to the manifest's folder:
 * `null` = does not exist, `true` = exists (text not read), a string = its text.
 */
export type FileSnapshot = Record<string, string | true | null>;

export interface LintJob {
  fileName: string;
  text: string;
  /** Set when the manifest names this file; otherwise the engine detects the kind. */
  kind?: DocumentKind;
  /** Files relative to the manifest's folder, fetched beforehand (the rules' file access is synchronous). */
  files: FileSnapshot;
  /** The manifest that names or governs this file; parsed here so a worker does not need a tree copied in. */
  manifestText?: string;
  defaultRegion?: string;
}

export interface LintJobResult {
  kind: DocumentKind;
  findings: Finding[];
  /** Paths the rules asked about that were not in the snapshot; the adapter fetches them and runs again. */
  missingFromSnapshot: string[];
}

let lastManifest: { text: string; manifest: Manifest } | undefined;

/** Parses the manifest once per text: every definition of a workspace lints against the same one. */
function manifestOf(text: string): Manifest {
  if (lastManifest?.text !== text) lastManifest = { text, manifest: parseManifest(text).manifest };
  return lastManifest.manifest;
}


export function runLintJob(job: LintJob): LintJobResult {
  const missing = new Set<string>();
  const lookup = (relPath: string): string | true | null | undefined => {
    const key = normalizeRelPath(relPath);
    if (Object.prototype.hasOwnProperty.call(job.files, key)) return job.files[key];
    missing.add(key);
    return undefined;
  };
  const context: LintContext = {
    // Unknown paths count as present for this run: a false "missing file" error would flash
    // before the adapter has fetched the file and run again.
    fileExists: (relPath) => lookup(relPath) !== null,
    readFile: (relPath) => {
      const v = lookup(relPath);
      if (v === true) missing.add(normalizeRelPath(relPath));
      return typeof v === 'string' ? v : undefined;
    },
    defaultRegion: job.defaultRegion,
  };
  if (job.manifestText !== undefined) {
    try {
      context.manifest = manifestOf(job.manifestText);
    } catch {
      // A manifest the parser cannot read gives its own diagnostics; definitions lint without it.
    }
  }
  const { kind, findings } = lintText({ fileName: job.fileName, text: job.text, kind: job.kind, context });
  return { kind, findings, missingFromSnapshot: [...missing] };
}
