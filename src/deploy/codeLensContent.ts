// The CodeLens content: which entries of aws-workflows.yaml deploy this file, where, and as what.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { detectKind } from '../core/kind';
import { MANIFEST_FILE_NAME } from '../core/manifest/model';
import { entriesForFile, entryRegionOf, KIND_LABELS, type DeployClients } from './engine';
import type { ManifestCache } from './manifestCache';
import { COMMAND_IDS } from './settings';
import { findManifestFor, type WorkspaceTrust } from './workspace';

export async function codeLensesFor(document: vscode.TextDocument, clients: DeployClients, manifests: ManifestCache, trust: WorkspaceTrust): Promise<vscode.CodeLens[]> {
  if (!trust.isTrusted() || document.uri.scheme !== 'file') return [];
  const top = new vscode.Range(0, 0, 0, 0);
  if (path.basename(document.uri.fsPath) === MANIFEST_FILE_NAME) {
    return [new vscode.CodeLens(top, { title: '$(cloud-upload) Deploy All…', command: COMMAND_IDS.deployAll, arguments: [document.uri] })];
  }
  const region = await clients.getRegion();
  const manifestPath = await findManifestFor(document.uri, false);
  const loaded = manifestPath ? manifests.get(manifestPath, region) : undefined;
  const entries = loaded ? entriesForFile(loaded, document.uri.fsPath) : [];
  if (loaded && entries.length) {
    return entries.map((e) => new vscode.CodeLens(top, {
      title: `$(cloud-upload) Deploy to ${entryRegionOf(loaded, e, region)} as ${e.name} · ${KIND_LABELS[e.kind]}`,
      tooltip: `Create or update ${KIND_LABELS[e.kind]} ${e.name} with the settings in aws-workflows.yaml`,
      command: COMMAND_IDS.deployFromFile,
      arguments: [document.uri, e.name],
    }));
  }
  const kind = detectKind(document.uri.fsPath, document.getText());
  if (kind !== 'stateMachine' && kind !== 'imageBuilderWorkflow' && kind !== 'airflowWorkflow') return [];
  return [new vscode.CodeLens(top, {
    title: `$(cloud-upload) Deploy to ${region}… · ${KIND_LABELS[kind]}`,
    tooltip: 'Not in aws-workflows.yaml yet: a few questions, then deploy (and optionally save the answers)',
    command: COMMAND_IDS.deployFromFile,
    arguments: [document.uri],
  })];
}
