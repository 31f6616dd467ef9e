// Read-only documents holding what is deployed, for "Compare with deployed".

import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';

export const DEPLOYED_SCHEME = 'aws-workflows-deployed';

export class DeployedContentProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(DEPLOYED_SCHEME, this));
  }

  /** A URI whose document shows `content`; the name and extension pick the title and language. */
  show(region: string, name: string, extension: string, content: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: DEPLOYED_SCHEME, path: `/${region}/${name} (deployed)${extension}` });
    this.contents.set(uri.toString(), content);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }
}
