// TestState from the editor: the "Test this state" CodeLens, the command (also from the palette, for
// the state under the cursor) and the panel's restore after a reload. Activation registers only the
// command, the serializer and a listener: the CodeLens provider loads when the diagnostics first
// lint a state machine; the panel, the model and the SFN client on first use.

import * as vscode from 'vscode';
import { registerCommand } from '../common/commands';
import { lazy } from '../core/lazy';
import type { Logger } from '../core/log';
import type { AwsSession } from '../aws/session';
import type { DiagnosticsManager } from '../diagnostics/manager';
import { TEST_STATE_COMMAND, TEST_STATE_VIEW_TYPE } from './ids';

export function registerTestState(context: vscode.ExtensionContext, logger: Logger, aws: AwsSession, diagnostics: Pick<DiagnosticsManager, 'lintedDocument' | 'onDidLint'>): void {
  const deps = { aws, logger, extensionUri: context.extensionUri, viewType: TEST_STATE_VIEW_TYPE, diagnostics };
  const panel = lazy(() => import('./panel'));
  registerCommand(context, logger, { id: TEST_STATE_COMMAND, execute: async (uri?: unknown, stateName?: unknown, statePath?: unknown) => (await panel.get()).openTestState(deps, uri, stateName, statePath) });
  const firstLint = diagnostics.onDidLint((uri) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc || diagnostics.lintedDocument(doc)?.kind !== 'stateMachine') return;
    firstLint.dispose();
    void import('./codeLens').then((m) => context.subscriptions.push(m.registerTestStateCodeLens(diagnostics, TEST_STATE_COMMAND)));
  });
  context.subscriptions.push(
    firstLint,
    vscode.window.registerWebviewPanelSerializer(TEST_STATE_VIEW_TYPE, { deserializeWebviewPanel: async (p, state: unknown) => (await panel.get()).TestStatePanel.revive(p, state, deps) }),
  );
}
