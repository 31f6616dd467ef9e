// Workspace trust as deploy sees it (light: the registration and the lazy part both use it).

import * as vscode from 'vscode';

/** Whether deploying may run. VS Code's workspace trust in the extension; tests supply their own answer. */
export interface WorkspaceTrust {
  isTrusted(): boolean;
}

export const vscodeWorkspaceTrust: WorkspaceTrust = { isTrusted: () => vscode.workspace.isTrusted };

export const UNTRUSTED_MESSAGE = 'Deploying is disabled in an untrusted workspace, because it runs with your AWS credentials. Trust this workspace (Manage Workspace Trust) to deploy; diagnostics keep working.';
