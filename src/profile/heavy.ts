// The profile commands' code (the region table, the connection check), loaded on the first of them.

import type { Command } from '../common/commands';
import type { Logger } from '../core/log';
import type { AwsSession } from '../aws/session';
import { checkConnectionCommand } from './checkConnection';
import { chooseProfileCommand, chooseRegionCommand } from './commands';

export function profileCommands(session: AwsSession, logger: Logger): Command[] {
  return [chooseProfileCommand(session), chooseRegionCommand(session), checkConnectionCommand(session, logger)];
}
