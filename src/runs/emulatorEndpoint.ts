// The local emulator Run Locally sends to: `awsWorkflows.emulatorEndpoint`, read from user settings
// only ("application" scope in package.json, like the profile), so no workspace file can choose
// where requests go. Light: activation reads it to show or hide Run Locally.

import { devNull } from 'node:os';
import * as vscode from 'vscode';
import { AwsSession } from '../aws/session';
import type { Logger } from '../core/log';
import { checkEndpoint } from '../core/runs/localEndpoint';
import { EMULATOR_ENDPOINT_SETTING } from './ids';

const [SECTION, KEY] = [EMULATOR_ENDPOINT_SETTING.slice(0, EMULATOR_ENDPOINT_SETTING.indexOf('.')), EMULATOR_ENDPOINT_SETTING.slice(EMULATOR_ENDPOINT_SETTING.indexOf('.') + 1)];

/** The endpoint as a URL, or the sentence that says why it cannot be used. */
export function checkEmulatorEndpoint(value: string): { url: string } | { problem: string } {
  return checkEndpoint(value, EMULATOR_ENDPOINT_SETTING);
}

/** The configured endpoint (trimmed), or undefined when Run Locally is off. */
export function readEmulatorEndpoint(): string | undefined {
  const value = vscode.workspace.getConfiguration(SECTION).inspect<string>(KEY)?.globalValue;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * A session for the emulator: its own test keys (`test`/`test`, LocalStack's convention), never the
 * user's credentials, and no AWS config file, so no profile can redirect it.
 */
export function emulatorSession(endpoint: string, logger: Logger): AwsSession {
  return new AwsSession({
    logger,
    env: { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: devNull, AWS_SHARED_CREDENTIALS_FILE: devNull },
  });
}
