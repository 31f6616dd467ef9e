// Diagnostics, quick fixes, hovers and completion for workflow files.

import * as path from 'node:path';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { QuickFixProvider } from './codeActions';
import { RuleDocs } from './convert';
import { WORKFLOW_DOCUMENT_SELECTOR, WorkflowLanguageFeatures } from './languageFeatures';
import { LintRunner } from './lintRunner';
import { SessionRegion, type RegionSource } from './sessionRegion';
import { DiagnosticsManager } from './manager';
import { VsCodeDiagnosticsSettings } from './settings';
import { WorkspaceFiles } from './workspaceFiles';
import { heavy } from './lazy';
import { TemplateIndex } from '../templates/templateIndex';

export interface DiagnosticsRegistration {
  manager: DiagnosticsManager;
}

export interface DiagnosticsOptions {
  /** The active region (for rules that compare regions when an entry names none); none: those checks wait. */
  defaultRegion?: () => string | undefined;
  /** Where the active region comes from when `defaultRegion` is not given: the AwsSession, read lazily. */
  regionSource?: RegionSource;
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
  // Documents linted before the region arrives are linted again once it does.
  const sessionRegion = !options.defaultRegion && options.regionSource ? new SessionRegion(options.regionSource, () => manager.relintAll(), logger) : undefined;
  if (sessionRegion) context.subscriptions.push(sessionRegion);
  const defaultRegion = options.defaultRegion ?? (sessionRegion ? () => sessionRegion.current() : undefined);
  // Which templates name which definitions: read on the first definition checked, then kept current.
  const templates = new TemplateIndex(() => heavy.get(), logger);
  context.subscriptions.push(templates);
  const manager = new DiagnosticsManager(settings, runner, files, logger, { ruleDocs, defaultRegion, templates });
  context.subscriptions.push(manager);
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(WORKFLOW_DOCUMENT_SELECTOR, new QuickFixProvider((doc) => manager.lintedDocument(doc)?.findings), QuickFixProvider.metadata));
  const features = new WorkflowLanguageFeatures((doc) => manager.lintedDocument(doc)?.kind);
  context.subscriptions.push(vscode.languages.registerHoverProvider(WORKFLOW_DOCUMENT_SELECTOR, features));
  // Trigger characters: a space after `Type:`, quotes in JSON, and the dot of `$.stepOutputs.`.
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(WORKFLOW_DOCUMENT_SELECTOR, features, '"', ' ', '.', "'"));
  return { manager };
}
