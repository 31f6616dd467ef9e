// Diagnostics, quick fixes, hovers and completion for workflow files.

import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { QuickFixProvider } from './codeActions';
import { RuleDocs } from './convert';
import { WORKFLOW_DOCUMENT_SELECTOR, WorkflowLanguageFeatures } from './languageFeatures';
import { LintRunner } from './lintRunner';
import { DiagnosticsManager } from './manager';
import { VsCodeDiagnosticsSettings } from './settings';
import { WorkspaceFiles } from './workspaceFiles';

export interface DiagnosticsRegistration {
  manager: DiagnosticsManager;
}

export interface DiagnosticsOptions {
  /** The active region (for rules that compare regions when an entry names none); none: those checks wait. */
  defaultRegion?: () => string | undefined;
}

export function registerDiagnostics(context: vscode.ExtensionContext, logger: Logger, options: DiagnosticsOptions = {}): DiagnosticsRegistration {
  const settings = new VsCodeDiagnosticsSettings();
  context.subscriptions.push(settings);
  const runner = new LintRunner({
    // The bundle puts the worker beside extension.js.
    workerScript: path.join(__dirname, 'lintWorker.js'),
    onWorkerUnavailable: (reason) => logger.warn(`Large files are checked on the main thread: the lint worker could not start (${reason}).`),
  });
  context.subscriptions.push({ dispose: () => runner.dispose() });
  const files = new WorkspaceFiles(logger);
  context.subscriptions.push(files);
  const readme = vscode.Uri.joinPath(context.extensionUri, 'README.md');
  const ruleDocs = new RuleDocs(readme, () => {
    try {
      return readme.scheme === 'file' ? fs.readFileSync(readme.fsPath, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  });
  const manager = new DiagnosticsManager(settings, runner, files, logger, { ruleDocs, defaultRegion: options.defaultRegion });
  context.subscriptions.push(manager);
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(WORKFLOW_DOCUMENT_SELECTOR, new QuickFixProvider((doc) => manager.lintedDocument(doc)?.findings), QuickFixProvider.metadata));
  const features = new WorkflowLanguageFeatures((doc) => manager.lintedDocument(doc)?.kind);
  context.subscriptions.push(vscode.languages.registerHoverProvider(WORKFLOW_DOCUMENT_SELECTOR, features));
  // Trigger characters: a space after `Type:`, quotes in JSON, and the dot of `$.stepOutputs.`.
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(WORKFLOW_DOCUMENT_SELECTOR, features, '"', ' ', '.', "'"));
  return { manager };
}
