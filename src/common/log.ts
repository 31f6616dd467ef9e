import * as vscode from 'vscode';
import { redact, type Logger } from '../core/log';

/** The "AWS Workflows" log; everything is redacted again on the way in, as a last line of defence. */
export function createOutputLogger(): { logger: Logger; channel: vscode.LogOutputChannel } {
  const channel = vscode.window.createOutputChannel('AWS Workflows', { log: true });
  const logger: Logger = {
    trace: (m) => channel.trace(redact(m)),
    debug: (m) => channel.debug(redact(m)),
    info: (m) => channel.info(redact(m)),
    warn: (m) => channel.warn(redact(m)),
    error: (m) => channel.error(redact(m)),
  };
  return { logger, channel };
}
