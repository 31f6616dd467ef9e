// Read-only documents for deployed definitions and execution output (scheme `aws-workflows`).
// The path ends with the right extension (.asl.json, .yaml) so language and diagnostics apply.

import * as vscode from 'vscode';
import { safeFileName } from './model/safeFileName';
import type { ExplorerAws } from './model/listing';
import type { ResourceRef } from './model/resources';

export const DEFINITION_SCHEME = 'aws-workflows';

export class DefinitionContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly refs = new Map<string, ResourceRef>();
  private readonly texts = new Map<string, string>();

  constructor(private readonly aws: ExplorerAws) {}

  /** Publishes text under a read-only address such as `aws-workflows:/us-east-1/stateMachine/OrderProcessing.asl.json`. */
  publish(region: string, folder: string, fileName: string, text: string, ref?: ResourceRef): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: DEFINITION_SCHEME, path: `/${region}/${folder}/${safeFileName(fileName)}` });
    this.texts.set(uri.toString(), text);
    if (ref) this.refs.set(uri.toString(), ref);
    this.emitter.fire(uri);
    return uri;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const text = this.texts.get(uri.toString());
    if (text !== undefined) return text;
    const ref = this.refs.get(uri.toString());
    if (!ref) return 'This document is no longer loaded. Open it again from the AWS Workflows view.\n';
    const { fetchDefinition } = await import('./model/details');
    const doc = await fetchDefinition(this.aws, ref);
    this.texts.set(uri.toString(), doc.text);
    return doc.text;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
