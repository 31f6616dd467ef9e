// Where deploys read from: aws-workflows.yaml (next to the file, in a parent folder, or anywhere
// in the workspace) and definitions, preferring the open editor's text over the disk.

import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { MANIFEST_FILE_NAME } from '../core/manifest/model';
import { readTextFileWithinLimits } from '../files/read';
import { findManifestUpwards, loadManifest, type DefinitionSource, type LoadedManifest } from './engine';

function openDocument(fsPath: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === fsPath);
}

export const editorFirstFiles: DefinitionSource = {
  readText: async (p) => openDocument(p)?.getText() ?? (await readTextFileWithinLimits(p)),
  exists: async (p) => Boolean(openDocument(p)) || fs.existsSync(p),
};

/**
 * The manifest that applies to a file: the nearest one upwards inside its workspace folder, else one
 * at a folder root, else (unless `searchWorkspace` is false, as for CodeLens) the first found anywhere.
 */
export async function findManifestFor(uri: vscode.Uri | undefined, searchWorkspace = true): Promise<string | undefined> {
  if (uri?.scheme === 'file') {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const found = findManifestUpwards(vscode.Uri.joinPath(uri, '..').fsPath, folder?.uri.fsPath);
    if (found) return found;
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const atRoot = vscode.Uri.joinPath(folder.uri, MANIFEST_FILE_NAME).fsPath;
    if (fs.existsSync(atRoot)) return atRoot;
  }
  if (!searchWorkspace) return undefined;
  const [any] = await vscode.workspace.findFiles(`**/${MANIFEST_FILE_NAME}`, '**/node_modules/**', 1);
  return any?.fsPath;
}

export async function readManifest(manifestPath: string, defaultRegion: string): Promise<LoadedManifest> {
  const text = await editorFirstFiles.readText(manifestPath);
  return loadManifest(manifestPath, text, defaultRegion);
}

/** Where a new aws-workflows.yaml goes: the root of the file's workspace folder. */
export function defaultManifestPath(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, MANIFEST_FILE_NAME).fsPath : undefined;
}

export { UNTRUSTED_MESSAGE, vscodeWorkspaceTrust, type WorkspaceTrust } from './trust';
