// The Airflow UI feature: the command (palette, explorer item, CodeLens) and the manifest CodeLens.

import * as vscode from 'vscode';
import type { AwsSession } from '../aws/session';
import { registerLazyCommands } from '../common/commands';
import { lazy } from '../core/lazy';
import type { Logger } from '../core/log';
import { AIRFLOW_CODELENS_SELECTOR, AirflowCodeLensProvider } from './codeLens';
import { OPEN_AIRFLOW_UI } from './commandIds';
import type { ExternalOpener } from './openAirflowUi';
import { registerTestHook, underTest } from '../common/testHooks';

/** Hidden command the in-host tests use to watch what would be opened (another extension cannot stub our vscode.env). */
export const AIRFLOW_TEST_HOOKS = 'awsWorkflows.airflow.testHooks';

export interface AirflowTestHooks {
  /** Replaces how URLs are opened until the returned function is called. */
  replaceOpener(open: ExternalOpener['open']): () => void;
  /** The folder of this extension's log files ("AWS Workflows.log"). */
  logUri: vscode.Uri;
  /** Every line this feature logged, at every level (the channel's file holds only its level and up). */
  loggedLines: readonly string[];
}

function recordingLogger(logger: Logger, lines: string[]): Logger {
  const tee = (level: keyof Logger) => (m: string) => {
    lines.push(`${level} ${m}`);
    logger[level](m);
  };
  return { trace: tee('trace'), debug: tee('debug'), info: tee('info'), warn: tee('warn'), error: tee('error') };
}

export function registerAirflow(context: vscode.ExtensionContext, logger: Logger, session: AwsSession): void {
  const testing = underTest(context);
  const loggedLines: string[] = [];
  const featureLogger = testing ? recordingLogger(logger, loggedLines) : logger;
  const browser: ExternalOpener = { open: (uri) => vscode.env.openExternal(uri) };
  const opener: ExternalOpener = { open: (uri) => browser.open(uri) };
  const commands = lazy(async () => [(await import('./openAirflowUi')).openAirflowUiCommand({ aws: session, logger: featureLogger, opener })]);
  registerLazyCommands(context, featureLogger, [OPEN_AIRFLOW_UI], () => commands.get());
  context.subscriptions.push(vscode.languages.registerCodeLensProvider(AIRFLOW_CODELENS_SELECTOR, new AirflowCodeLensProvider()));

  if (testing) {
    const hooks: AirflowTestHooks = {
      loggedLines,
      replaceOpener(open) {
        const previous = browser.open;
        browser.open = open;
        return () => (browser.open = previous);
      },
      logUri: context.logUri,
    };
    registerTestHook(context, AIRFLOW_TEST_HOOKS, () => hooks);
  }
}
