// Every command is registered through here so that every failure becomes one sentence for the user.

import * as vscode from 'vscode';
import type { Logger } from '../core/log';

export interface Command<A extends unknown[] = unknown[]> {
  id: string;
  execute(...args: A): unknown;
}

/**
 * Turns an error into the sentence shown to the user. Features may add their own mapping (e.g. AWS
 * errors); it may be async, so a feature's error texts load only when a command first fails.
 */
export type ErrorDescriber = (err: unknown) => string | undefined | Promise<string | undefined>;

const describers: ErrorDescriber[] = [];

export function addErrorDescriber(d: ErrorDescriber): void {
  describers.push(d);
}

export async function describeError(err: unknown): Promise<string> {
  for (const d of describers) {
    const s = await d(err);
    if (s) return s;
  }
  if (err instanceof Error && err.message) return err.message;
  return String(err);
}

export class UserCancelled extends Error {
  constructor() {
    super('Cancelled.');
  }
}

export function registerCommand(context: { subscriptions: vscode.Disposable[] }, logger: Logger, command: Command): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      try {
        return await command.execute(...args);
      } catch (err) {
        if (err instanceof UserCancelled || err instanceof vscode.CancellationError) return undefined;
        const message = await describeError(err);
        logger.error(`${command.id} failed: ${message}${err instanceof Error && err.stack ? `\n${err.stack}` : ''}`);
        void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
          if (choice === 'Show Log') void vscode.commands.executeCommand('awsWorkflows.showLog');
        });
        return undefined;
      }
    }),
  );
}

/**
 * Registers commands by id now and loads their implementation on the first invocation of any of
 * them (`load` is memoized, usually a `Lazy` over `import('./heavy')`): the pattern that keeps
 * activation cheap (DEVELOPERS.md, "Activation").
 */
export function registerLazyCommands(context: { subscriptions: vscode.Disposable[] }, logger: Logger, ids: readonly string[], load: () => Promise<readonly Command[]>): void {
  for (const id of ids) {
    registerCommand(context, logger, {
      id,
      execute: async (...args: unknown[]) => {
        const command = (await load()).find((c) => c.id === id);
        if (!command) throw new Error(`The command ${id} is missing from this build of the extension; reinstall it.`);
        return command.execute(...args);
      },
    });
  }
}
