import * as vscode from 'vscode';
import { statusTone, type ResourceKind, type StatusTone } from '../model/resources';

const KIND_ICONS: Record<ResourceKind, string> = {
  stateMachine: 'type-hierarchy-sub',
  stateMachineVersion: 'versions',
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
  const tone = statusTone(status);
  const colour = TONE_COLOURS[tone];
  const id = kind === 'mwaaServerlessRun' || kind === 'stateMachineExecution' ? RUN_ICONS[tone] : KIND_ICONS[kind];
  return new vscode.ThemeIcon(id, colour ? new vscode.ThemeColor(colour) : undefined);
}
