// A refused command in the extension host: it answers nothing (registerCommand shows the sentence
// as a notification, which the host cannot read back), and the same call through the extension's
// own code says the sentence, which the test then checks.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export async function refusal(command: string, args: unknown[], action: () => Promise<unknown>): Promise<string> {
  assert.equal(await vscode.commands.executeCommand(command, ...args), undefined, `${command} was not refused`);
  try {
    await action();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${command} did not fail`);
}
