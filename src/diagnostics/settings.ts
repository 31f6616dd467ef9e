// Diagnostics settings behind a small interface: one VS Code implementation, and tests can pass their own.

import * as vscode from 'vscode';
import { maxDocumentCharsForMegabytes } from '../core/parse/limits';
import type { SeverityOverrides } from './severity';
import { DEFAULT_DEBOUNCE_MS, SETTING_KEYS, SETTING_SECTION } from './settingKeys';

export { DEFAULT_DEBOUNCE_MS, DIAGNOSTICS_SETTING_IDS, SETTING_KEYS, SETTING_SECTION } from './settingKeys';

export interface DiagnosticsOptions {
  enabled: boolean;
  severity: SeverityOverrides;
  debounceMs: number;
  /** Check CloudFormation/SAM templates, and definitions with the templates that name them as context. */
  templates: boolean;
  /** Files larger than this are refused before parsing (awsWorkflows.diagnostics.maxFileSizeMB, user settings only). */
  maxDocumentChars?: number;
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
      templates: config.get<boolean>(SETTING_KEYS.templates, true),
      maxDocumentChars: maxDocumentCharsForMegabytes(config.get<number>(SETTING_KEYS.maxFileSizeMB)),
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
