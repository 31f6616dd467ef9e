// The Airflow UI feature: the command (palette, explorer item, CodeLens) and the manifest CodeLens.

import * as vscode from 'vscode';
import type { AwsSession } from '../aws/session';
import { registerCommand } from '../common/commands';
import type { Logger } from '../core/log';
import { AIRFLOW_CODELENS_SELECTOR, AirflowCodeLensProvider } from './codeLens';
import { openAirflowUiCommand, type ExternalOpener } from './openAirflowUi';

/** Hidden command the in-host tests use to watch what would be opened (another extension cannot stub our vscode.env). */
export const AIRFLOW_TEST_HOOKS = 'awsWorkflows.airflow.testHooks';

export interface AirflowTestHooks {
  /** Replaces how URLs are opened until the returned function is called. */
  replaceOpener(open: ExternalOpener['open']): () => void;
  /** The "AWS Workflows" log file of this extension host. */
  logUri: vscode.Uri;
}

export function registerAirflow(context: vscode.ExtensionContext, logger: Logger, session: AwsSession): void {
  const browser: ExternalOpener = { open: (uri) => vscode.env.openExternal(uri) };
  const opener: ExternalOpener = { open: (uri) => browser.open(uri) };
  registerCommand(context, logger, openAirflowUiCommand({ aws: session, logger, opener }));
  context.subscriptions.push(vscode.languages.registerCodeLensProvider(AIRFLOW_CODELENS_SELECTOR, new AirflowCodeLensProvider()));

  // Only under the in-host test runner (scripts/run-integration.mjs sets WORKFLOWS_TEST_MODULE).
  if (process.env.WORKFLOWS_TEST_MODULE) {
    const hooks: AirflowTestHooks = {
      replaceOpener(open) {
        const previous = browser.open;
        browser.open = open;
        return () => (browser.open = previous);
      },
      logUri: context.logUri,
    };
    context.subscriptions.push(vscode.commands.registerCommand(AIRFLOW_TEST_HOOKS, () => hooks));
  }
}
