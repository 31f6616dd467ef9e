// Commands that hand in-host tests a feature's internals exist only under test: the in-host runner
// (scripts/run-integration.mjs and test-electron set WORKFLOWS_TEST_MODULE) or VS Code's test mode.

import * as vscode from 'vscode';

export function underTest(context: vscode.ExtensionContext): boolean {
  return !!process.env.WORKFLOWS_TEST_MODULE || context.extensionMode === vscode.ExtensionMode.Test;
}

/** Registers `command` returning `api`, only under test. */
export function registerTestHook(context: vscode.ExtensionContext, command: string, api: () => unknown): void {
  if (underTest(context)) context.subscriptions.push(vscode.commands.registerCommand(command, api));
}
