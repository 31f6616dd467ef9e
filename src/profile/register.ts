// Builds the extension's one AwsSession from user settings and adds the profile/region UI.
// Creating the session loads no SDK code and makes no network call.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { AwsSession } from '../aws/session';
import { addErrorDescriber, registerLazyCommands } from '../common/commands';
import { lazy } from '../core/lazy';
import { PROFILE_COMMAND_IDS } from './commandIds';
import { affectsSession, readSessionSettings } from './settings';
import { ProfileStatusBar } from './statusBar';

export function registerProfile(context: vscode.ExtensionContext, logger: Logger): AwsSession {
  const session = new AwsSession({ logger, settings: readSessionSettings });
  context.subscriptions.push({ dispose: () => session.dispose() });
  // The AWS error texts load when a command first fails, not at activation.
  addErrorDescriber(async (err) => (await import('../aws/errors')).describeUnwrappedAwsError(err));

  const commands = lazy(async () => (await import('./heavy')).profileCommands(session, logger));
  registerLazyCommands(context, logger, PROFILE_COMMAND_IDS, () => commands.get());
  context.subscriptions.push(new ProfileStatusBar(session, logger));
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsSession(e)) session.refresh();
    }),
  );
  watchSharedConfigFiles(context, session);
  return session;
}

/** Editing ~/.aws/config or credentials (a new profile, another region) takes effect without a reload. */
function watchSharedConfigFiles(context: vscode.ExtensionContext, session: AwsSession): void {
  for (const file of Object.values(session.sharedConfigFiles())) {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
    const changed = () => session.refresh({ force: true });
    context.subscriptions.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
  }
}
