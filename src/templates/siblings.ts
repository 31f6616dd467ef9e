// Fetches what a template's checks asked about (files and folder listings beside it) into the
// lint job's snapshot, after checking that each path stays inside the workspace.

import * as vscode from 'vscode';
import { isContained } from '../common/containment';
import type { SiblingSnapshot } from '../diagnostics/lintJob';

/** Larger files are noted as present but not read. */
const MAX_READ_BYTES = 4 * 1024 * 1024;

export function emptySiblings(): SiblingSnapshot {
  return { files: {}, listings: {}, outside: [] };
}

/** Whether `target` stays inside the template's workspace folder (its own folder when it has none), links followed. */
function contained(template: vscode.Uri, target: vscode.Uri): boolean {
  const root = vscode.workspace.getWorkspaceFolder(template)?.uri ?? vscode.Uri.joinPath(template, '..');
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  if (target.scheme !== root.scheme || target.authority !== root.authority || !(`${target.path}/`.startsWith(base) || target.path === root.path)) return false;
  return target.scheme !== 'file' || isContained([root.fsPath], target.fsPath);
}

export async function fetchSiblings(template: vscode.Uri, files: readonly string[], listings: readonly string[], into: SiblingSnapshot): Promise<void> {
  const folder = vscode.Uri.joinPath(template, '..');
  const targetOf = (rel: string) => vscode.Uri.joinPath(folder, rel);
  await Promise.all([
    ...files.map(async (rel) => {
      const target = targetOf(rel);
      if (!contained(template, target)) {
        into.outside.push(rel);
        into.files[rel] = null;
        return;
      }
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
      if (open) {
        into.files[rel] = open.getText();
        return;
      }
      try {
        const stat = await vscode.workspace.fs.stat(target);
        into.files[rel] = stat.type & vscode.FileType.Directory || stat.size > MAX_READ_BYTES ? true : new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      } catch {
        into.files[rel] = null;
      }
    }),
    ...listings.map(async (rel) => {
      const target = targetOf(rel);
      if (!contained(template, target)) {
        into.listings[rel] = null;
        return;
      }
      try {
        into.listings[rel] = (await vscode.workspace.fs.readDirectory(target)).map(([name]) => name);
      } catch {
        into.listings[rel] = null;
      }
    }),
  ]);
}
