import * as vscode from 'vscode';

export const SECTION = 'awsWorkflows';
export const PAGE_SIZE_KEY = 'explorer.pageSize';
export const DEFAULT_PAGE_SIZE = 50;
/** Set while no credentials can be found, to show the welcome view that offers a profile. */
export const NO_CREDENTIALS_CONTEXT = 'awsWorkflows.explorer.noCredentials';
export const HAS_VIEW_FILTER_CONTEXT = 'awsWorkflows.explorer.hasViewFilter';

export function readPageSize(): number {
  const v = vscode.workspace.getConfiguration(SECTION).get<number>(PAGE_SIZE_KEY, DEFAULT_PAGE_SIZE);
  return typeof v === 'number' && v > 0 ? v : DEFAULT_PAGE_SIZE;
}
