import * as vscode from 'vscode';
import { statusTone, type ResourceKind, type StatusTone } from '../model/resources';

const KIND_ICONS: Record<ResourceKind, string> = {
  stateMachine: 'type-hierarchy-sub',
  stateMachineVersion: 'versions',
  stateMachineAlias: 'tag',
  stateMachineExecution: 'circle-outline',
  activity: 'pulse',
  imageBuilderWorkflow: 'layers',
  imageBuilderBuildVersion: 'package',
  mwaaEnvironment: 'server-environment',
  mwaaServerlessWorkflow: 'cloud',
  mwaaServerlessVersion: 'versions',
  mwaaServerlessRun: 'circle-outline',
};

const TONE_COLOURS: Record<StatusTone, string | undefined> = {
  ok: 'testing.iconPassed',
  failed: 'testing.iconFailed',
  progress: 'charts.blue',
  warning: 'list.warningForeground',
  neutral: undefined,
};

const RUN_ICONS: Record<StatusTone, string> = {
  ok: 'pass',
  failed: 'error',
  progress: 'sync~spin',
  warning: 'debug-stop',
  neutral: 'circle-outline',
};

/** The kind's codicon, coloured by status; runs and executions show their status as the icon itself. */
export function resourceIcon(kind: ResourceKind, status: string | undefined): vscode.ThemeIcon {
  if (kind === 'mwaaServerlessRun' || kind === 'stateMachineExecution') return runStatusIcon(status);
  const colour = TONE_COLOURS[statusTone(status)];
  return new vscode.ThemeIcon(KIND_ICONS[kind], colour ? new vscode.ThemeColor(colour) : undefined);
}

/** A run's (or task instance's) status as its icon: pass, error, spinning, stopped. */
export function runStatusIcon(status: string | undefined): vscode.ThemeIcon {
  const tone = statusTone(status);
  const colour = TONE_COLOURS[tone];
  return new vscode.ThemeIcon(RUN_ICONS[tone], colour ? new vscode.ThemeColor(colour) : undefined);
}
