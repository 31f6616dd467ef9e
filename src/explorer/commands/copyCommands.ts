import * as vscode from 'vscode';
import type { Command } from '../../common/commands';
import type { ResourceKind } from '../model/resources';
import type { ExplorerCommandContext } from './context';
import { resolveResource } from './target';
import { COPY_ARN_COMMAND, COPY_NAME_COMMAND } from './commandIds';

const ALL_KINDS: ResourceKind[] = [
  'stateMachine', 'stateMachineVersion', 'stateMachineAlias', 'stateMachineExecution', 'activity', 'imageBuilderWorkflow', 'imageBuilderBuildVersion',
  'mwaaEnvironment', 'mwaaServerlessWorkflow', 'mwaaServerlessVersion', 'mwaaServerlessRun',
];

export function copyArnCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: COPY_ARN_COMMAND,
    execute: async (node?: unknown) => {
      // Runs have an id, not an ARN (Copy Name copies it).
      const target = await resolveResource(cmd, node, ALL_KINDS.filter((k) => k !== 'mwaaServerlessRun'), 'Copy ARN');
      // MWAA's ListEnvironments gives names only: the ARN comes with the details.
      const arn = target.item.arn ?? (await target.loadDetails()).arn;
      if (!arn) throw new Error(`AWS returned no ARN for ${target.item.name}.`);
      await cmd.env.writeClipboard(arn);
      vscode.window.setStatusBarMessage(`Copied ${arn}`, 3000);
    },
  };
}

export function copyNameCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: COPY_NAME_COMMAND,
    execute: async (node?: unknown) => {
      const target = await resolveResource(cmd, node, ALL_KINDS, 'Copy Name');
      const name = target.item.workflowName && target.item.kind !== 'mwaaServerlessRun' ? target.item.workflowName : target.item.name;
      await cmd.env.writeClipboard(name);
      vscode.window.setStatusBarMessage(`Copied ${name}`, 3000);
    },
  };
}

export { ALL_KINDS };
