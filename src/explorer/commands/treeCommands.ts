// Refresh, Load more, Retry, Filter and Clear Filter.

import * as vscode from 'vscode';
import type { Command } from '../../common/commands';
import { UserCancelled } from '../../common/commands';
import { VIEW_FILTER_KEY } from '../filters';
import { validateFilterInput } from '../model/filter';
import { ErrorNode, RETRY_COMMAND } from '../nodes/errorNode';
import type { ExplorerNode } from '../nodes/explorerNode';
import { GroupNode } from '../nodes/groupNode';
import { LOAD_MORE_COMMAND, LoadMoreNode } from '../nodes/loadMoreNode';
import { HAS_VIEW_FILTER_CONTEXT } from '../settings';
import type { ExplorerCommandContext } from './context';
import { REFRESH_COMMAND, FILTER_COMMAND, CLEAR_FILTER_COMMAND } from './commandIds';

export function refreshCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: REFRESH_COMMAND,
    execute: (node?: ExplorerNode) => cmd.provider.refresh(node && typeof node === 'object' && 'getTreeItem' in node ? node : undefined),
  };
}

export function loadMoreCommand(): Command {
  return {
    id: LOAD_MORE_COMMAND,
    execute: async (node?: LoadMoreNode) => {
      if (node instanceof LoadMoreNode) await node.parent.listing.loadMore();
    },
  };
}

export function retryCommand(): Command {
  return {
    id: RETRY_COMMAND,
    execute: async (node?: ErrorNode) => {
      if (node instanceof ErrorNode) await node.parent.listing.retry();
    },
  };
}

/**
 * On a group: that group's filter. On the view title or from the palette: the view's filter,
 * which every group without its own uses. `text` skips the input box (tests, keybindings).
 */
export function filterCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: FILTER_COMMAND,
    execute: async (node?: GroupNode, text?: string) => {
      const group = node instanceof GroupNode ? node : undefined;
      const key = group?.filterKey ?? VIEW_FILTER_KEY;
      let value = typeof text === 'string' ? text : undefined;
      if (value === undefined) {
        value = await vscode.window.showInputBox({
          title: group ? `Filter ${group.info.label} in ${group.region}` : 'Filter all AWS Workflows lists',
          prompt: 'Text to find in names (case-insensitive), or /a regular expression/. Empty clears the filter.',
          value: cmd.filters.text(key) ?? '',
          validateInput: validateFilterInput,
        });
        if (value === undefined) throw new UserCancelled();
      }
      const problem = validateFilterInput(value);
      if (problem) throw new Error(problem);
      await applyFilter(cmd, key, value, group);
    },
  };
}

export function clearFilterCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: CLEAR_FILTER_COMMAND,
    execute: async (node?: GroupNode) => {
      const group = node instanceof GroupNode ? node : undefined;
      await applyFilter(cmd, group?.filterKey ?? VIEW_FILTER_KEY, undefined, group);
    },
  };
}

async function applyFilter(cmd: ExplorerCommandContext, key: string, text: string | undefined, group: GroupNode | undefined): Promise<void> {
  await cmd.filters.set(key, text);
  if (!group) {
    await vscode.commands.executeCommand('setContext', HAS_VIEW_FILTER_CONTEXT, !!text?.trim());
    cmd.treeView.description = text?.trim() ? `filter: ${text.trim()}` : undefined;
  }
  // Redraw without forgetting pages: the filter works on what is loaded and loads more if needed.
  cmd.provider.redraw(group);
  if (group && text?.trim()) await cmd.treeView.reveal(group, { expand: true, select: false, focus: false }).then(undefined, () => undefined);
}
