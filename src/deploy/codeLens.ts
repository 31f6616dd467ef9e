// "Deploy to eu-west-1 as order-pipeline · state machine" at the top of each definition.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { MANIFEST_FILE_NAME } from '../core/manifest/model';

export const CODELENS_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'asl' },
  { scheme: 'file', language: 'asl-yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'yaml' },
];

export class DeployCodeLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  /** `lenses` computes them (codeLensContent.ts, loaded with the deploy engine on first use). */
  constructor(
    private readonly lenses: (document: vscode.TextDocument) => Promise<vscode.CodeLens[]>,
    onSessionChange: (l: () => void) => vscode.Disposable,
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

  provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    return this.lenses(document);
  }
}
