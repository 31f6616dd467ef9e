// "Test this state" above each state of a state machine definition, nested ones included. Registered when the
// diagnostics first lint a state machine (register.ts). The positions come from the diagnostics' last
// lint of the document (src/core/testState/anchors.ts), so nothing is parsed here; while a newer
// version is being linted, the lenses wait for it (and VS Code keeps the old ones).

import * as vscode from 'vscode';
import type { DiagnosticsManager } from '../diagnostics/manager';

/** How long the lenses wait for the lint of a newer version before giving none. */
const LINT_WAIT_MS = 5000;

const SELECTOR: vscode.DocumentSelector = [
  { language: 'asl' },
  { language: 'asl-yaml' },
  { language: 'json' },
  { language: 'yaml' },
];

export class TestStateCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly diagnostics: Pick<DiagnosticsManager, 'lintedDocument' | 'onDidLint'>,
    private readonly command: string,
  ) {
    this.subscription = diagnostics.onDidLint(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const linted = this.diagnostics.lintedDocument(document) ?? (await this.nextLint(document, token));
    if (!linted || linted.kind !== 'stateMachine' || !linted.states) return [];
    return linted.states.map((s) => {
      const at = document.positionAt(s.offset);
      return new vscode.CodeLens(new vscode.Range(at, at), {
        title: '$(beaker) Test this state',
        command: this.command,
        arguments: [document.uri, s.name, s.path],
        tooltip: `Run ${s.path.join(' › ')}${s.type ? ` (${s.type})` : ''} alone with TestState: input, variables, a mock from the file beside the definition`,
      });
    });
  }

  private nextLint(document: vscode.TextDocument, token: vscode.CancellationToken) {
    return new Promise<ReturnType<DiagnosticsManager['lintedDocument']>>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        listener.dispose();
        cancel.dispose();
        resolve(this.diagnostics.lintedDocument(document));
      };
      const timer = setTimeout(done, LINT_WAIT_MS);
      const listener = this.diagnostics.onDidLint((uri) => {
        if (uri.toString() === document.uri.toString()) done();
      });
      const cancel = token.onCancellationRequested(done);
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function registerTestStateCodeLens(diagnostics: Pick<DiagnosticsManager, 'lintedDocument' | 'onDidLint'>, command: string): vscode.Disposable {
  const provider = new TestStateCodeLensProvider(diagnostics, command);
  return vscode.Disposable.from(provider, vscode.languages.registerCodeLensProvider(SELECTOR, provider));
}
