// Every explorer command's code, loaded on the first use of one (their ids are in ./commandIds).

import type { Command } from '../../common/commands';
import type { ExplorerCommandContext } from './context';
import { copyArnCommand, copyNameCommand } from './copyCommands';
import { openInConsoleCommand } from './consoleCommand';
import { downloadDefinitionCommand, openDefinitionCommand } from './definitionCommands';
import { filterExecutionsCommand, redriveExecutionCommand, stopExecutionCommand } from './executionCommands';
import { revealResourceCommand } from './revealCommand';
import { showExecutionOutputCommand, startExecutionCommand } from './runCommands';
import { clearFilterCommand, filterCommand, loadMoreCommand, refreshCommand, retryCommand } from './treeCommands';

export function explorerCommands(cmd: ExplorerCommandContext): Command[] {
  return [
    refreshCommand(cmd),
    loadMoreCommand(),
    retryCommand(),
    filterCommand(cmd),
    clearFilterCommand(cmd),
    copyArnCommand(cmd),
    copyNameCommand(cmd),
    openDefinitionCommand(cmd),
    downloadDefinitionCommand(cmd),
    openInConsoleCommand(cmd),
    startExecutionCommand(cmd),
    showExecutionOutputCommand(cmd),
    revealResourceCommand(cmd),
    filterExecutionsCommand(cmd),
    stopExecutionCommand(cmd),
    redriveExecutionCommand(cmd),
  ];
}
