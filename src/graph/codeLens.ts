// "Show Graph" at the top of every definition, beside the deploy CodeLens. Kind detection is the
// linter's cheap content sniffing (no parse).

import * as path from 'node:path';
import * as vscode from 'vscode';
import { declaresStateMachine } from '../core/cfn/detect';
import { detectKind } from '../core/kind';
import { GRAPH_COMMANDS } from './ids';

export const GRAPH_CODELENS_SELECTOR: vscode.DocumentSelector = [
  { language: 'asl' },
  { language: 'asl-yaml' },
  { language: 'json' },
  { language: 'yaml' },
];

export class GraphCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const kind = detectKind(path.basename(document.uri.path), document.getText());
    const drawn = kind === 'stateMachine' || kind === 'airflowWorkflow' || kind === 'imageBuilderWorkflow' || (kind === 'cloudFormationTemplate' && declaresStateMachine(document.getText()));
    if (!drawn) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [new vscode.CodeLens(top, { title: '$(type-hierarchy) Show Graph', command: GRAPH_COMMANDS.show, arguments: [document.uri], tooltip: 'Draw this definition as a graph beside the editor' })];
  }
}
