// The graph view: "Show Graph" from the editor title, the palette, a CodeLens and the explorer's
// deployed definitions, and the panel's restore after a reload. Only ids and light classes load at
// activation; the model, the layout library and the panel load with ./heavy on first use.

import * as vscode from 'vscode';
import { registerLazyCommands } from '../common/commands';
import { lazy } from '../core/lazy';
import type { Logger } from '../core/log';
import { GraphCodeLensProvider, GRAPH_CODELENS_SELECTOR } from './codeLens';
import { declaresStateMachine } from '../core/cfn/detect';
import { GRAPH_COMMANDS, GRAPH_VIEW_TYPE, TEMPLATE_WITH_STATE_MACHINES_CONTEXT, type GraphViewState } from './ids';

export function registerGraph(context: vscode.ExtensionContext, logger: Logger): void {
  const feature = lazy(async () => (await import('./heavy')).createGraphFeature({ extensionUri: context.extensionUri, logger }));
  registerLazyCommands(context, logger, Object.values(GRAPH_COMMANDS), async () => (await feature.get()).commands);
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(GRAPH_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => (await feature.get()).restore(panel, state as GraphViewState | undefined),
    }),
    vscode.languages.registerCodeLensProvider(GRAPH_CODELENS_SELECTOR, new GraphCodeLensProvider()),
  );
  // Definitions get the editor title button from the deploy context; templates from this one (two regexes, no parse).
  const updateContext = (editor: vscode.TextEditor | undefined) => {
    const doc = editor?.document;
    void vscode.commands.executeCommand('setContext', TEMPLATE_WITH_STATE_MACHINES_CONTEXT, !!doc && declaresStateMachine(doc.getText()));
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(updateContext));
  updateContext(vscode.window.activeTextEditor);
}
