// Check AWS Connection: one cheap read (ListStateMachines, one result) with the current profile
// and region, reported as a sentence. It is how people check a new profile or an SSO login, and
// it returns the outcome so in-host tests can assert it.

import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { AwsSession } from '../aws/session';
import { toAwsActionError } from '../aws/errors';
import type { Command } from '../common/commands';

import { CHECK_CONNECTION_COMMAND } from './commandIds';

export { CHECK_CONNECTION_COMMAND };

export interface ConnectionCheck {
  ok: boolean;
  message: string;
  region: string;
  endpoint: string;
  profile?: string;
}

export function checkConnectionCommand(session: AwsSession, logger: Logger): Command {
  return {
    id: CHECK_CONNECTION_COMMAND,
    async execute(): Promise<ConnectionCheck> {
      const region = await session.getRegion();
      const endpoint = await session.getEndpoint('states', region);
      const profile = session.getProfileName();
      const who = profile ? `profile "${profile}"` : 'the default credential chain';
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Checking AWS connection (${region})` },
        async (): Promise<ConnectionCheck> => {
          try {
            const { client, sdk } = await session.sfn(region);
            await client.send(new sdk.ListStateMachinesCommand({ maxResults: 1 }));
            const via = endpoint.overridden ? ` at ${endpoint.url} (${endpoint.source})` : '';
            return { ok: true, message: `Connected to AWS in ${region} with ${who}${via}.`, region, endpoint: endpoint.url, profile };
          } catch (err) {
            const failure = toAwsActionError(err, { service: 'states', operation: 'ListStateMachines', region, endpoint: endpoint.url });
            logger.warn(`connection check failed: ${failure.message}`);
            return { ok: false, message: failure.message, region, endpoint: endpoint.url, profile };
          }
        },
      );
      if (result.ok) void vscode.window.showInformationMessage(result.message);
      else {
        void vscode.window.showErrorMessage(result.message, 'Choose AWS Profile').then((choice) => {
          if (choice) void vscode.commands.executeCommand('awsWorkflows.chooseProfile');
        });
      }
      return result;
    },
  };
}
