// Builds the extension's one AwsSession from user settings and adds the profile/region UI.
// Creating the session loads no SDK code and makes no network call.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { AwsSession } from '../aws/session';
import { describeUnwrappedAwsError } from '../aws/errors';
import { addErrorDescriber, registerCommand } from '../common/commands';
import { checkConnectionCommand } from './checkConnection';
import { chooseProfileCommand, chooseRegionCommand } from './commands';
import { affectsSession, readSessionSettings } from './settings';
import { ProfileStatusBar } from './statusBar';

export function registerProfile(context: vscode.ExtensionContext, logger: Logger): AwsSession {
  const session = new AwsSession({ logger, settings: readSessionSettings });
  context.subscriptions.push({ dispose: () => session.dispose() });
  addErrorDescriber(describeUnwrappedAwsError);

  registerCommand(context, logger, chooseProfileCommand(session));
  registerCommand(context, logger, chooseRegionCommand(session));
  registerCommand(context, logger, checkConnectionCommand(session, logger));
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
