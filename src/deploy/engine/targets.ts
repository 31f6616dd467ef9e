// From aws-workflows.yaml to deploy targets: which entries exist, where their files are,
// which region they go to, and which manifest findings concern each of them.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../core/findings';
import { checkManifest, parseManifest } from '../../core/manifest';
import { allEntries, entryRegion, MANIFEST_FILE_NAME, type AnyManifestEntry, type ParsedManifest } from '../../core/manifest/model';
import type { DeployTarget } from './types';
import { folderFileContext } from '../../files/context';

export interface LoadedManifest {
  /** Absolute path of aws-workflows.yaml. */
  path: string;
  dir: string;
  parsed: ParsedManifest;
  /** Parse, shape and rule findings for the whole file. */
  findings: Finding[];
}

/** Sync file access relative to the manifest's folder (contained and bounded), as the manifest checks and lint expect. */
export const fileContext = folderFileContext;

export function loadManifest(manifestPath: string, text: string, defaultRegion?: string): LoadedManifest {
  const dir = path.dirname(manifestPath);
  const parsed = parseManifest(text);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const f of [...parsed.findings, ...checkManifest(parsed, { ...fileContext(dir), defaultRegion })]) {
    const key = `${f.code}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      findings.push(f);
    }
  }
  return { path: manifestPath, dir, parsed, findings };
}

/** Offsets spanned by an entry: from its name to the end of its settings. */
function entrySpan(loaded: LoadedManifest, entry: AnyManifestEntry): [number, number] {
  const lines = loaded.parsed.document.lines;
  const start = lines.offsetAt(entry.nameRange.start);
  return [start, Math.max(entry.node.end, lines.offsetAt(entry.nameRange.end))];
}

/** Findings inside the entry, plus those outside every entry (defaults, top level), which concern all. */
export function findingsForEntry(loaded: LoadedManifest, entry: AnyManifestEntry): Finding[] {
  const lines = loaded.parsed.document.lines;
  const spans = allEntries(loaded.parsed.manifest).map((e) => ({ e, span: entrySpan(loaded, e) }));
  return loaded.findings.filter((f) => {
    const at = lines.offsetAt(f.range.start);
    const owner = spans.find(({ span }) => at >= span[0] && at <= span[1]);
    return !owner || owner.e === entry;
  });
}

export function targetOf(loaded: LoadedManifest, entry: AnyManifestEntry, defaultRegion: string): DeployTarget {
  const manifest = loaded.parsed.manifest;
  const rel = 'definition' in entry.spec ? (entry.spec as { definition?: string }).definition : undefined;
  return {
    kind: entry.kind,
    name: entry.name,
    region: entryRegion(manifest, entry, defaultRegion) ?? defaultRegion,
    spec: entry.spec,
    defaults: manifest.defaults,
    definitionRelPath: rel,
    definitionPath: rel ? path.resolve(loaded.dir, rel) : undefined,
    manifestPath: loaded.path,
    manifestFindings: findingsForEntry(loaded, entry),
    manifest,
  } as DeployTarget;
}

/** Every entry in a dependency-free order: activities first, since state machines may use them. */
export function targetsOf(loaded: LoadedManifest, defaultRegion: string): DeployTarget[] {
  const m = loaded.parsed.manifest;
  return [...m.activities, ...m.stateMachines, ...m.imageBuilderWorkflows, ...m.airflowWorkflows].map((e) => targetOf(loaded, e, defaultRegion));
}

/** Entries whose definition is this file (several entries may share one definition). */
export function entriesForFile(loaded: LoadedManifest, filePath: string): AnyManifestEntry[] {
  const wanted = path.resolve(filePath);
  return allEntries(loaded.parsed.manifest).filter((e) => {
    const rel = (e.spec as { definition?: string }).definition;
    return rel !== undefined && samePath(path.resolve(loaded.dir, rel), wanted);
  });
}

function samePath(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** aws-workflows.yaml in this folder or the nearest parent, up to `stopAt`. */
export function findManifestUpwards(startDir: string, stopAt?: string): string | undefined {
  let dir = path.resolve(startDir);
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  while (true) {
    const candidate = path.join(dir, MANIFEST_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}

/** The region an entry deploys to, as the CodeLens shows it. */
export function entryRegionOf(loaded: LoadedManifest, entry: AnyManifestEntry, defaultRegion: string): string {
  return entryRegion(loaded.parsed.manifest, entry, defaultRegion) ?? defaultRegion;
}
