// Deploy settings: keys as constants, read through one function.

import * as vscode from 'vscode';

export const DEPLOY_SECTION = 'awsWorkflows.deploy';
export const CONFIRM_UPDATES_KEY = 'confirmUpdates';
export const DEPLOY_SETTING_IDS = [`${DEPLOY_SECTION}.${CONFIRM_UPDATES_KEY}`];

export function confirmUpdatesEnabled(): boolean {
  return vscode.workspace.getConfiguration(DEPLOY_SECTION).get<boolean>(CONFIRM_UPDATES_KEY, true);
}

export const COMMAND_IDS = {
  deployFromFile: 'awsWorkflows.deployFromFile',
  deployAll: 'awsWorkflows.deployAll',
  validateWithService: 'awsWorkflows.validateWithService',
} as const;

/** Registered by the explorer; deploy only calls it if it exists. */
export { REVEAL_RESOURCE_COMMAND } from '../explorer/commands/commandIds';
export const RESOURCES_VIEW_FOCUS_COMMAND = 'awsWorkflows.resources.focus';
