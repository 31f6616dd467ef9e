// The last loaded manifest per path, reloaded only when its text changes (CodeLens asks often).

import { readBoundedTextFileSync } from '../files/read';
import * as vscode from 'vscode';
import { loadManifest, type LoadedManifest } from './engine';

export class ManifestCache {
  private readonly entries = new Map<string, { text: string; region: string; loaded: LoadedManifest }>();

  get(manifestPath: string, defaultRegion: string): LoadedManifest | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === manifestPath);
    let text = open?.getText();
    if (text === undefined) {
      // Bounded, regular files only: the workspace's aws-workflows.yaml may be a FIFO or a link to /dev/zero.
      const read = readBoundedTextFileSync(manifestPath);
      if (!read.ok) return undefined;
      text = read.text;
    }
    const hit = this.entries.get(manifestPath);
    if (hit && hit.text === text && hit.region === defaultRegion) return hit.loaded;
    const loaded = loadManifest(manifestPath, text, defaultRegion);
    this.entries.set(manifestPath, { text, region: defaultRegion, loaded });
    return loaded;
  }

  clear(): void {
    this.entries.clear();
  }
}
