// Diagnostics settings behind a small interface: one VS Code implementation, and tests can pass their own.

import * as vscode from 'vscode';
import type { SeverityOverrides } from './severity';

export const SETTING_SECTION = 'awsWorkflows.diagnostics';
/** Keys relative to SETTING_SECTION; package.json declares each as `awsWorkflows.diagnostics.<key>`. */
export const SETTING_KEYS = {
  enable: 'enable',
  severity: 'severity',
  debounceMs: 'debounceMs',
} as const;
export const DIAGNOSTICS_SETTING_IDS = Object.values(SETTING_KEYS).map((k) => `${SETTING_SECTION}.${k}`);

export const DEFAULT_DEBOUNCE_MS = 150;

export interface DiagnosticsOptions {
  enabled: boolean;
  severity: SeverityOverrides;
  debounceMs: number;
}

export interface DiagnosticsSettings {
  getOptions(uri: vscode.Uri | undefined): DiagnosticsOptions;
  onDidChange: vscode.Event<void>;
}

export class VsCodeDiagnosticsSettings implements DiagnosticsSettings, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SETTING_SECTION)) this.emitter.fire();
  });

  getOptions(uri: vscode.Uri | undefined): DiagnosticsOptions {
    const config = vscode.workspace.getConfiguration(SETTING_SECTION, uri);
    const severity = config.get<unknown>(SETTING_KEYS.severity);
    const debounce = config.get<number>(SETTING_KEYS.debounceMs, DEFAULT_DEBOUNCE_MS);
    return {
      enabled: config.get<boolean>(SETTING_KEYS.enable, true),
      severity: isStringRecord(severity) ? severity : {},
      debounceMs: Number.isFinite(debounce) && debounce >= 0 ? Math.min(debounce, 5000) : DEFAULT_DEBOUNCE_MS,
    };
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}
