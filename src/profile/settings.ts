// The profile and region settings. Both are user-level only ("application"/"machine" scope in
// package.json) and read here from user settings alone, so an untrusted workspace can never
// redirect requests or pick whose credentials are used.

import * as vscode from 'vscode';
import type { SessionSettings } from '../aws/session';

export const SECTION = 'awsWorkflows';
export const PROFILE_KEY = 'profile';
export const REGION_KEY = 'region';
export const REGIONS_KEY = 'regions';
export const REQUEST_TIMEOUT_KEY = 'requestTimeoutSeconds';

function userValue<T>(key: string): T | undefined {
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

export function readSessionSettings(): SessionSettings {
  const profile = userValue<string>(PROFILE_KEY);
  const region = userValue<string>(REGION_KEY);
  const timeout = userValue<number>(REQUEST_TIMEOUT_KEY);
  return { profile: profile?.trim() || undefined, region: region?.trim() || undefined, requestTimeoutSeconds: typeof timeout === 'number' ? timeout : undefined };
}

/** Regions the explorer shows; empty means just the session's region. */
export function readExplorerRegions(): string[] {
  const regions = vscode.workspace.getConfiguration(SECTION).get<string[]>(REGIONS_KEY) ?? [];
  return [...new Set(regions.map((r) => r.trim()).filter(Boolean))];
}

export async function writeProfile(profile: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(PROFILE_KEY, profile, vscode.ConfigurationTarget.Global);
}

export async function writeRegion(region: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(REGION_KEY, region, vscode.ConfigurationTarget.Global);
}

export function affectsSession(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${SECTION}.${PROFILE_KEY}`) || e.affectsConfiguration(`${SECTION}.${REGION_KEY}`) || e.affectsConfiguration(`${SECTION}.${REQUEST_TIMEOUT_KEY}`);
}
