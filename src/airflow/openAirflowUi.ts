// "Open Airflow UI": a fresh web login token at every invocation, the login URL built from the
// hostname MWAA returns, opened in the browser. The token and the URL go to the browser only:
// not to the log, a message, a setting or the command's result.

import * as vscode from 'vscode';
import type { Command } from '../common/commands';
import { UserCancelled } from '../common/commands';
import { decideOpen, type EnvironmentSummary } from '../core/airflow/decisions';
import { validateMwaaEnvironmentName } from '../core/rules/names';
import { airflowLoginUrl } from '../core/airflow/loginUrl';
import type { Logger } from '../core/log';
import { createWebLogin, getEnvironment, type MwaaAccess } from './mwaa';
import { pickEnvironment } from './picker';
import { targetFromArgument, type AirflowTarget } from './target';

import { OPEN_AIRFLOW_UI } from './commandIds';

export { OPEN_AIRFLOW_UI };

/** How the URL leaves the extension; vscode.env.openExternal, replaceable only by the in-host tests. */
export interface ExternalOpener {
  open(uri: vscode.Uri): Thenable<boolean>;
}

export interface AirflowUiDeps {
  aws: MwaaAccess & { getRegion(): Promise<string> };
  logger: Logger;
  opener: ExternalOpener;
}

/** What the command returns (for tests and other commands): never the token or the URL. */
export interface OpenAirflowUiResult {
  environment: string;
  region: string;
  airflowIdentity?: string;
  iamIdentity?: string;
  opened: boolean;
}

function inWindowProgress<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, task);
}

async function confirmOpen(env: EnvironmentSummary): Promise<void> {
  const decision = decideOpen(env);
  if (decision.kind === 'open') return;
  const choice = await vscode.window.showWarningMessage(decision.message, { modal: true }, decision.confirm);
  if (choice !== decision.confirm) throw new UserCancelled();
}

export function openAirflowUiCommand(deps: AirflowUiDeps): Command {
  return {
    id: OPEN_AIRFLOW_UI,
    async execute(arg?: unknown): Promise<OpenAirflowUiResult> {
      let target: AirflowTarget | undefined = targetFromArgument(arg);
      target ??= await pickEnvironment(deps.aws, await deps.aws.getRegion());
      const name = target.name;
      // The model's EnvironmentName (1–80, [a-zA-Z][0-9a-zA-Z-_]*): checked before any call.
      const invalid = validateMwaaEnvironmentName(name);
      if (invalid) throw new Error(`Cannot open the Airflow UI of '${name}': ${invalid} Nothing was sent to AWS.`);
      const region = target.region ?? (await deps.aws.getRegion());

      const env = target.described ?? (await inWindowProgress(`Reading MWAA environment ${name}…`, () => getEnvironment(deps.aws, name, region)));
      if ('readable' in env && !env.readable) {
        deps.logger.info(`could not read ${name} in ${region} (airflow:GetEnvironment is not allowed): opening without checking its status`);
      }
      await confirmOpen(env);

      const login = await inWindowProgress(`Opening Airflow UI for ${name}…`, () => createWebLogin(deps.aws, name, region));
      const url = airflowLoginUrl({
        webServerHostname: login.webServerHostname,
        webToken: login.webToken,
        airflowVersion: env.airflowVersion ?? target.airflowVersionHint,
      });
      const opened = await deps.opener.open(vscode.Uri.parse(url, true));
      const who = `${login.airflowIdentity ?? 'an unnamed Airflow user'} (IAM identity ${login.iamIdentity ?? 'not reported'})`;
      if (opened) {
        deps.logger.info(`opened Airflow UI for ${name} as ${who} in ${region}`);
        void vscode.window.showInformationMessage(`Opened the Airflow UI of ${name} in ${region} as ${who}.`);
      } else {
        deps.logger.info(`Airflow UI for ${name} (${region}) was not opened: the browser link was declined`);
      }
      return { environment: name, region, airflowIdentity: login.airflowIdentity, iamIdentity: login.iamIdentity, opened };
    },
  };
}
