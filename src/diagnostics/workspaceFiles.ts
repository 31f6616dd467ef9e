// What the rules need from the workspace: which aws-workflows.yaml governs a file, the kind the manifest
// gives it, and the files a manifest names. Read through vscode.workspace.fs (works on virtual file
// systems) and from open editors first, so unsaved text is what gets checked.

import * as vscode from 'vscode';
import { pathEscapeReason } from '../core/paths';
import { resolveContained } from '../files/contain';
import { Disposable } from '../common/disposable';
import type { DocumentKind } from '../core/kind';
import { MANIFEST_FILE_NAME, type Manifest, type ManifestEntryKind } from '../core/manifest/model';
import type { Logger } from '../core/log';
import type { FileSnapshot } from './lintJob';
import { normalizeRelPath } from './relPath';
import { heavy } from './lazy';

const KIND_OF_ENTRY: Record<ManifestEntryKind, DocumentKind | undefined> = {
  stateMachine: 'stateMachine',
  imageBuilderWorkflow: 'imageBuilderWorkflow',
  airflowWorkflow: 'airflowWorkflow',
  activity: undefined,
};

/** Files larger than this are reported as existing but not read (no definition kind check on them). */
const MAX_READ_BYTES = 4 * 1024 * 1024;

export function isManifestUri(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${MANIFEST_FILE_NAME}`);
}

/** The relative path from a folder to a file, with forward slashes, or undefined if the file is outside. */
export function relativePath(folder: vscode.Uri, file: vscode.Uri): string | undefined {
  if (folder.scheme !== file.scheme || folder.authority !== file.authority) return undefined;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return file.path.startsWith(base) ? file.path.slice(base.length) : undefined;
}

export interface GoverningManifest {
  uri: vscode.Uri;
  folder: vscode.Uri;
  text: string;
  manifest: Manifest;
  /** The kind the manifest gives the file, when it names it as a definition. */
  kind?: DocumentKind;
}

export class WorkspaceFiles extends Disposable {
  private readonly manifests = new Set<string>();
  private readonly parsed = new Map<string, { text: string; manifest: Manifest }>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** A manifest was created, deleted or changed on disk. */
  readonly onDidChangeManifest = this.changeEmitter.event;
  private readonly fileEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** A file that a manifest could name was created, deleted or changed on disk. */
  readonly onDidTouchFile = this.fileEmitter.event;
  readonly ready: Promise<void>;

  constructor(private readonly logger: Logger) {
    super();
    const manifestWatcher = this._register(vscode.workspace.createFileSystemWatcher(`**/${MANIFEST_FILE_NAME}`));
    this._register(manifestWatcher.onDidCreate((uri) => this.addManifest(uri)));
    this._register(manifestWatcher.onDidDelete((uri) => {
      this.manifests.delete(uri.toString());
      this.parsed.delete(uri.toString());
      this.changeEmitter.fire(uri);
    }));
    this._register(manifestWatcher.onDidChange((uri) => this.changeEmitter.fire(uri)));
    // Definitions can be any of these. Changes count too: a watcher may report a delete followed by a
    // re-create as one change, and a definition's content decides whether it is the kind its entry expects.
    const fileWatcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.{json,yaml,yml,py}'));
    this._register(fileWatcher.onDidCreate((uri) => this.fileEmitter.fire(uri)));
    this._register(fileWatcher.onDidDelete((uri) => this.fileEmitter.fire(uri)));
    this._register(fileWatcher.onDidChange((uri) => this.fileEmitter.fire(uri)));
    // Files created, deleted or renamed in VS Code (explorer, refactorings, extensions' workspace edits)
    // are reported at once here; the watcher, which can be late or coalesce events, covers outside tools.
    this._register(vscode.workspace.onDidCreateFiles((e) => e.files.forEach((uri) => this.fileEmitter.fire(uri))));
    this._register(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.fileEmitter.fire(uri))));
    this._register(vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => {
      this.fileEmitter.fire(oldUri);
      this.fileEmitter.fire(newUri);
    })));
    this.ready = this.findManifests();
  }

  private addManifest(uri: vscode.Uri): void {
    this.manifests.add(uri.toString());
    this.changeEmitter.fire(uri);
  }

  private async findManifests(): Promise<void> {
    try {
      const found = await vscode.workspace.findFiles(`**/${MANIFEST_FILE_NAME}`, '**/node_modules/**', 1000);
      for (const uri of found) this.manifests.add(uri.toString());
    } catch (err) {
      this.logger.warn(`Could not look for ${MANIFEST_FILE_NAME} files in the workspace: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** The manifest in the nearest folder above the file (the file itself if it is one). */
  manifestUriFor(uri: vscode.Uri): vscode.Uri | undefined {
    if (isManifestUri(uri)) return uri;
    let best: vscode.Uri | undefined;
    // Open manifests count even before the file watcher has reported them (new or unsaved files).
    const open = vscode.workspace.textDocuments.filter((d) => isManifestUri(d.uri)).map((d) => d.uri.toString());
    for (const key of new Set([...this.manifests, ...open])) {
      const candidate = vscode.Uri.parse(key);
      const folder = vscode.Uri.joinPath(candidate, '..');
      if (relativePath(folder, uri) === undefined) continue;
      if (!best || candidate.path.length > best.path.length) best = candidate;
    }
    return best;
  }

  /** Open documents whose governing manifest is `manifestUri` (for re-linting when it changes). */
  isGovernedBy(uri: vscode.Uri, manifestUri: vscode.Uri): boolean {
    return this.manifestUriFor(uri)?.toString() === manifestUri.toString();
  }

  async governingManifest(uri: vscode.Uri): Promise<GoverningManifest | undefined> {
    const manifestUri = this.manifestUriFor(uri);
    if (!manifestUri) return undefined;
    const text = await this.readText(manifestUri);
    if (text === undefined) return undefined;
    const manifest = await this.parse(manifestUri, text);
    const { allEntries } = await heavy.get();
    const folder = vscode.Uri.joinPath(manifestUri, '..');
    const rel = relativePath(folder, uri);
    let kind: DocumentKind | undefined;
    if (rel !== undefined && !isManifestUri(uri)) {
      for (const entry of allEntries(manifest)) {
        const definition = (entry.spec as { definition?: unknown }).definition;
        if (typeof definition === 'string' && normalizeRelPath(definition) === rel) {
          kind = KIND_OF_ENTRY[entry.kind];
          if (kind) break;
        }
      }
    }
    return { uri: manifestUri, folder, text, manifest, kind };
  }

  async parse(uri: vscode.Uri, text: string): Promise<Manifest> {
    const cached = this.parsed.get(uri.toString());
    if (cached?.text === text) return cached.manifest;
    const manifest = (await heavy.get()).parseManifest(text).manifest;
    this.parsed.set(uri.toString(), { text, manifest });
    return manifest;
  }

  /** The paths a manifest names (its definitions), relative to its folder. */
  async namedPaths(manifest: Manifest): Promise<string[]> {
    const { allEntries } = await heavy.get();
    const out = new Set<string>();
    for (const entry of allEntries(manifest)) {
      const definition = (entry.spec as { definition?: unknown }).definition;
      if (typeof definition === 'string' && definition.trim()) out.add(normalizeRelPath(definition));
    }
    return [...out];
  }

  /** Fetches files relative to a folder into a snapshot the synchronous rules can read. */
  async snapshot(folder: vscode.Uri, relPaths: Iterable<string>, into: FileSnapshot = {}): Promise<FileSnapshot> {
    await Promise.all([...relPaths].map(async (rel) => {
      const key = normalizeRelPath(rel);
      if (!key) {
        into[key] = null;
        return;
      }
      // Paths a workspace file names stay inside its folder: the rules report the escape, nothing is read.
      if (pathEscapeReason(key)) {
        into[key] = null;
        return;
      }
      const uri = vscode.Uri.joinPath(folder, key);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) {
        into[key] = open.getText();
        return;
      }
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        // Only regular files are read (a FIFO's read would never end); a link out of the workspace is not followed.
        if (!(stat.type & vscode.FileType.File) || stat.size > MAX_READ_BYTES || (uri.scheme === 'file' && !resolveContained(folder.fsPath, key, vscode.workspace.getWorkspaceFolder(folder)?.uri.fsPath ?? folder.fsPath).ok)) {
          into[key] = true;
          return;
        }
        into[key] = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        into[key] = null;
      }
    }));
    return into;
  }

  async readText(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }
}

