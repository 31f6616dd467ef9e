// Start Execution from an open definition: the state machine it deploys as (its aws-workflows.yaml
// entry, else the file's name), found in the entry's region with ListStateMachines. Loaded on first use.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { deployNameOf } from '../core/names';
import { entriesForFile, entryRegionOf, findManifestUpwards, loadManifest } from '../deploy/engine/targets';
import { readTextFileWithinLimits } from '../files/read';
import type { ExplorerAws } from '../explorer/model/listing';
import { findStateMachineByName, type StartTarget } from './startCalls';

/**
 * The aws-workflows.yaml that applies to a file: the nearest one upwards, up to its workspace folder's
 * root (deploy/workspace.ts is not imported: that would split a chunk activation loads).
 */
function manifestFor(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? findManifestUpwards(path.dirname(uri.fsPath), folder.uri.fsPath) : undefined;
}

/** The deployed state machine of a definition file, or a sentence saying how to get one. */
export async function stateMachineForFile(aws: ExplorerAws, uri: vscode.Uri, defaultRegion: string): Promise<StartTarget> {
  if (uri.scheme !== 'file') throw new Error('Open a state machine definition on disk to start it, or start one from the AWS Workflows view.');
  let name = deployNameOf(uri.fsPath);
  let region = defaultRegion;
  const manifestPath = manifestFor(uri);
  if (manifestPath) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === manifestPath);
    const loaded = loadManifest(manifestPath, open?.getText() ?? (await readTextFileWithinLimits(manifestPath)), defaultRegion);
    const entry = entriesForFile(loaded, uri.fsPath).find((e) => e.kind === 'stateMachine');
    if (entry) {
      name = entry.name;
      region = entryRegionOf(loaded, entry, defaultRegion);
    }
  }
  const file = path.basename(uri.fsPath);
  const found = await findStateMachineByName(aws, region, name);
  if (found) return { kind: 'stateMachine', region, name, arn: found.stateMachineArn, type: found.type };
  throw new Error(`${file} is not deployed as ${name} in ${region}: deploy it first (Deploy to AWS), or start a state machine from the AWS Workflows view.`);
}
