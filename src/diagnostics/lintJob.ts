// One lint run as plain data, so the same code runs inline and in a worker thread.
// No vscode import: the worker loads this file without the extension host.

import type { Finding } from '../core/findings';
import type { DocumentKind } from '../core/kind';
import type { StateAnchor } from '../core/testState/anchors';
import { lintText, type LintContext } from '../core/lint';
import { parseManifest, type Manifest } from '../core/manifest';
import type { SiblingFiles, TemplateSource } from '../core/cfn';
import { normalizeRelPath } from './relPath';
import { DEFAULT_PARSE_LIMITS, setParseLimits } from '../core/parse/limits';

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
  /** For a template: the files beside it that its DefinitionUri/Uri name, fetched like `files`. */
  siblings?: SiblingSnapshot;
  /** For a definition: the workspace's templates that name it (their DefinitionSubstitutions apply). */
  templates?: TemplateSource[];
  /** The size cap in force in the editor, for a worker thread (its parse limits are its own). */
  maxDocumentChars?: number;
}

/** Files and folder listings relative to a template's folder; `outside` lists paths that leave the workspace. */
export interface SiblingSnapshot {
  files: FileSnapshot;
  listings: Record<string, string[] | null>;
  outside: string[];
}

export interface LintJobResult {
  kind: DocumentKind;
  findings: Finding[];
  /** A state machine's states, nested ones included (offsets), for the "Test this state" CodeLens. */
  states?: StateAnchor[];
  /** Paths the rules asked about that were not in the snapshot; the adapter fetches them and runs again. */
  missingFromSnapshot: string[];
  /** The same for a template's sibling files and folder listings. */
  missingSiblings?: { files: string[]; listings: string[] };
}

let lastManifest: { text: string; manifest: Manifest } | undefined;

/** Parses the manifest once per text: every definition of a workspace lints against the same one. */
function manifestOf(text: string): Manifest {
  if (lastManifest?.text !== text) lastManifest = { text, manifest: parseManifest(text).manifest };
  return lastManifest.manifest;
}


export function runLintJob(job: LintJob): LintJobResult {
  setParseLimits({ maxDocumentChars: job.maxDocumentChars ?? DEFAULT_PARSE_LIMITS.maxDocumentChars });
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
  const siblings = job.siblings ? siblingFiles(job.siblings) : undefined;
  if (siblings) context.siblingFiles = siblings.files;
  if (job.templates) context.templates = job.templates;
  const { kind, findings, states } = lintText({ fileName: job.fileName, text: job.text, kind: job.kind, context });
  const result: LintJobResult = { kind, findings, missingFromSnapshot: [...missing] };
  if (states) result.states = states;
  if (siblings && (siblings.missingFiles.size || siblings.missingListings.size)) result.missingSiblings = { files: [...siblings.missingFiles], listings: [...siblings.missingListings] };
  return result;
}

/**
 * A template's view of its folder from the snapshot. What the snapshot lacks is answered "unknown"
 * (no finding this run) and recorded, so the adapter fetches it and runs again.
 */
function siblingFiles(snapshot: SiblingSnapshot): { files: SiblingFiles; missingFiles: Set<string>; missingListings: Set<string> } {
  const missingFiles = new Set<string>();
  const missingListings = new Set<string>();
  const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);
  const file = (rel: string): string | true | null | undefined => {
    const key = normalizeRelPath(rel);
    if (has(snapshot.files, key)) return snapshot.files[key];
    missingFiles.add(key);
    return undefined;
  };
  return {
    missingFiles,
    missingListings,
    files: {
      exists: (rel) => {
        const v = file(rel);
        return v === undefined ? undefined : v !== null;
      },
      read: (rel) => {
        const v = file(rel);
        return typeof v === 'string' ? v : undefined;
      },
      list: (rel) => {
        const key = normalizeRelPath(rel);
        if (has(snapshot.listings, key)) return snapshot.listings[key] ?? undefined;
        missingListings.add(key);
        return undefined;
      },
      // Unknown paths are fetched (with the containment check) before anything is read from them.
      contained: (rel) => !snapshot.outside.includes(normalizeRelPath(rel)),
    },
  };
}
