// "Deploy to eu-west-1 as order-pipeline · state machine" at the top of each definition.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { detectKind } from '../core/kind';
import { MANIFEST_FILE_NAME } from '../core/manifest/model';
import { entriesForFile, entryRegionOf, KIND_LABELS, type DeployClients } from './engine';
import type { ManifestCache } from './manifestCache';
import { COMMAND_IDS } from './settings';
import { findManifestFor, type WorkspaceTrust } from './workspace';

export const CODELENS_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'asl' },
  { scheme: 'file', language: 'asl-yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'yaml' },
];

export class DeployCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly clients: DeployClients,
    private readonly manifests: ManifestCache,
    onSessionChange: (l: () => void) => vscode.Disposable,
    private readonly trust: WorkspaceTrust,
  ) {
    super();
    const refresh = () => this.changed.fire();
    this._register(onSessionChange(refresh));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(refresh));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (path.basename(e.document.uri.fsPath) === MANIFEST_FILE_NAME) refresh();
    }));
    this._register(vscode.workspace.onDidSaveTextDocument((d) => {
      if (path.basename(d.uri.fsPath) === MANIFEST_FILE_NAME) refresh();
    }));
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.trust.isTrusted() || document.uri.scheme !== 'file') return [];
    const top = new vscode.Range(0, 0, 0, 0);
    if (path.basename(document.uri.fsPath) === MANIFEST_FILE_NAME) {
      return [new vscode.CodeLens(top, { title: '$(cloud-upload) Deploy All…', command: COMMAND_IDS.deployAll, arguments: [document.uri] })];
    }
    const region = await this.clients.getRegion();
    const manifestPath = await findManifestFor(document.uri, false);
    const loaded = manifestPath ? this.manifests.get(manifestPath, region) : undefined;
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
}
