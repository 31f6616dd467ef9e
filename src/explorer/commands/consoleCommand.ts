import * as vscode from 'vscode';
import type { Command } from '../../common/commands';
import { consoleUrl } from '../model/consoleUrls';
import { ALL_KINDS } from './copyCommands';
import type { ExplorerCommandContext } from './context';
import { resolveResource } from './target';
import { OPEN_IN_CONSOLE_COMMAND } from './commandIds';

export function openInConsoleCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: OPEN_IN_CONSOLE_COMMAND,
    execute: async (node?: unknown) => {
      const target = await resolveResource(cmd, node, ALL_KINDS, 'Open in AWS Console');
      const url = consoleUrl(target.item);
      if (!url) throw new Error(`The AWS console has no page for ${target.item.name}.`);
      await cmd.env.openExternal(vscode.Uri.parse(url, true));
    },
  };
}
