// The diagnostics manager: decides when to lint (open, debounced change, manifest or file changes),
// cancels a run that a newer edit superseded, and publishes to one DiagnosticCollection.
// The checking itself is the pure engine in src/core (through LintRunner).

import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { detectKind } from '../core/kind';
import type { DocumentKind } from '../core/kind';
import type { Logger } from '../core/log';
import type { Finding } from '../core/findings';
import type { StateAnchor } from '../core/testState/anchors';
import { DIAGNOSTIC_SOURCE, WorkflowDiagnostic, type RuleDocs } from './convert';
import type { LintJob } from './lintJob';
import { DEFAULT_PARSE_LIMITS, setParseLimits } from '../core/parse/limits';
import type { LintRunner } from './lintRunner';
import { applySeverityOverrides, invalidOverrides } from './severity';
import type { DiagnosticsSettings } from './settings';
import { isManifestUri, type WorkspaceFiles } from './workspaceFiles';
import type { TemplateIndex } from '../templates/templateIndex';
import { emptySiblings, fetchSiblings } from '../templates/siblings';

/** Languages whose documents may be workflow files; anything else is never read. */
const CANDIDATE_LANGUAGES = new Set(['asl', 'asl-yaml', 'json', 'jsonc', 'yaml']);
/** Schemes that are copies or views of another document (diff sides, output), never linted. */
const SKIPPED_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-settings', 'vscode-scm', 'comment', 'walkThroughSnippet', 'vscode-notebook-cell', 'vscode-userdata', 'vscode-chat-code-block']);

export interface LintedDocument {
  version: number;
  kind: DocumentKind;
  findings: Finding[];
  /** A state machine's states, nested ones included (offsets into this version), for the "Test this state" CodeLens. */
  states?: StateAnchor[];
}

interface PendingRun {
  timer?: NodeJS.Timeout;
  cancellation: vscode.CancellationTokenSource;
}

export class DiagnosticsManager extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('awsWorkflows'));
  private readonly pending = new Map<string, PendingRun>();
  private readonly linted = new Map<string, LintedDocument>();
  private readonly lintedEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  /** A document's diagnostics were published (for tests and for features that reuse the kind). */
  readonly onDidLint = this.lintedEmitter.event;
  private warnedSettings = '';
  /** Documents whose last tab was closed while the document stayed loaded: not re-linted until shown again. */
  private readonly hidden = new Set<string>();

  constructor(
    private readonly settings: DiagnosticsSettings,
    private readonly runner: LintRunner,
    private readonly files: WorkspaceFiles,
    private readonly logger: Logger,
    private readonly options: { ruleDocs?: RuleDocs; defaultRegion?: () => string | undefined; templates?: TemplateIndex } = {},
  ) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((doc) => {
      this.hidden.delete(doc.uri.toString());
      this.schedule(doc, 0);
    }));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      this.hidden.delete(e.document.uri.toString());
      this.schedule(e.document, this.settings.getOptions(e.document.uri).debounceMs);
      // Editing a manifest changes the kinds and context of the definitions it names.
      if (isManifestUri(e.document.uri)) this.relintGovernedBy(e.document.uri, this.settings.getOptions(e.document.uri).debounceMs);
      // Editing a template changes its definitions' context; editing a definition, which substitutions its templates use.
      for (const related of options.templates?.related(e.document.uri) ?? []) this.schedule(related, this.settings.getOptions(related.uri).debounceMs);
    }));
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => {
      this.hidden.delete(doc.uri.toString());
      this.forget(doc.uri);
    }));
    // A closed tab may keep its document loaded for a while; its problems should go with the tab.
    this._register(vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.closed) {
        const uri = tabUri(tab);
        if (!uri || isShownInTab(uri)) continue;
        this.hidden.add(uri.toString());
        this.forget(uri);
      }
      for (const tab of e.opened) {
        const uri = tabUri(tab);
        if (!uri || !this.hidden.delete(uri.toString())) continue;
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (doc) this.schedule(doc, 0);
      }
    }));
    this._register(this.settings.onDidChange(() => this.relintAll()));
    this._register(files.onDidChangeManifest((uri) => {
      this.relintAll(uri);
    }));
    this._register(files.onDidTouchFile((uri) => {
      // A template or a definition file appeared, vanished or changed on disk.
      if (options.templates) {
        const index = options.templates;
        void index.refresh(uri).then((affected) => {
          for (const doc of vscode.workspace.textDocuments) {
            if (affected.includes(doc.uri.toString().toLowerCase()) || index.related(uri).includes(doc)) this.schedule(doc, 0);
          }
        });
      }
      // A definition appeared, vanished or changed: the manifests above it say whether it exists and fits.
      for (const doc of vscode.workspace.textDocuments) {
        if (isManifestUri(doc.uri) && files.isGovernedBy(uri, doc.uri)) this.schedule(doc, 0);
      }
    }));
    void files.ready.then(() => this.relintAll());
  }

  /** The last published lint of a document, if it is the current version. */
  lintedDocument(document: vscode.TextDocument): LintedDocument | undefined {
    const linted = this.linted.get(document.uri.toString());
    return linted?.version === document.version ? linted : undefined;
  }

  relintAll(manifestUri?: vscode.Uri): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (!manifestUri || this.files.isGovernedBy(doc.uri, manifestUri) || doc.uri.toString() === manifestUri.toString()) this.schedule(doc, 0);
    }
  }

  private relintGovernedBy(manifestUri: vscode.Uri, delay: number): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.toString() !== manifestUri.toString() && this.files.isGovernedBy(doc.uri, manifestUri)) this.schedule(doc, delay);
    }
  }

  private isCandidate(doc: vscode.TextDocument): boolean {
    if (SKIPPED_SCHEMES.has(doc.uri.scheme)) return false;
    return CANDIDATE_LANGUAGES.has(doc.languageId) || /\.(json|ya?ml)$/i.test(doc.uri.path);
  }

  /** Lints after `delay` ms; a newer call for the same document cancels this one, even mid-run. */
  schedule(doc: vscode.TextDocument, delay: number): void {
    const key = doc.uri.toString();
    this.cancel(key);
    if (!this.isCandidate(doc) || this.hidden.has(key)) return;
    const options = this.settings.getOptions(doc.uri);
    if (!options.enabled) {
      this.collection.delete(doc.uri);
      this.linted.delete(key);
      return;
    }
    const run: PendingRun = { cancellation: new vscode.CancellationTokenSource() };
    this.pending.set(key, run);
    run.timer = setTimeout(() => {
      run.timer = undefined;
      this.lint(doc, run.cancellation.token).then(
        () => undefined,
        (err) => this.logger.error(`Checking ${doc.uri.fsPath || doc.uri.toString()} failed: ${err instanceof Error ? err.message : String(err)}`),
      ).finally(() => {
        if (this.pending.get(key) === run) this.pending.delete(key);
        run.cancellation.dispose();
      });
    }, delay);
  }

  private cancel(key: string): void {
    const previous = this.pending.get(key);
    if (!previous) return;
    clearTimeout(previous.timer);
    previous.cancellation.cancel();
    this.pending.delete(key);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancel(key);
    this.collection.delete(uri);
    this.linted.delete(key);
  }

  private async lint(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<void> {
    if (doc.isClosed) return;
    const version = doc.version;
    const job = await this.prepare(doc);
    if (token.isCancellationRequested || doc.isClosed) return;
    if (job.job.kind === 'unknown') {
      // Not a workflow file (most JSON and YAML): nothing to run, and nothing from before may linger.
      this.collection.delete(doc.uri);
      this.linted.set(doc.uri.toString(), { version, kind: 'unknown', findings: [] });
      return;
    }
    let result = await this.runner.run(job.job, token);
    // The rules asked about files the snapshot did not have (rare): fetch them, run once more.
    if (result && result.missingFromSnapshot.length > 0 && job.folder) {
      await this.files.snapshot(job.folder, result.missingFromSnapshot, job.job.files);
      if (token.isCancellationRequested) return;
      for (const rel of result.missingFromSnapshot) job.job.files[rel] ??= null;
      result = await this.runner.run(job.job, token);
    }
    // A template's local paths are followed one folder at a time: fetch what each run asked for.
    for (let round = 0; round < 8 && result?.missingSiblings && job.job.siblings; round++) {
      await fetchSiblings(doc.uri, result.missingSiblings.files, result.missingSiblings.listings, job.job.siblings);
      if (token.isCancellationRequested) return;
      result = await this.runner.run(job.job, token);
    }
    if (!result || token.isCancellationRequested || doc.isClosed || doc.version !== version) return;
    const options = this.settings.getOptions(doc.uri);
    this.warnAboutSettings(options.severity);
    const findings = result.kind === 'unknown' ? [] : applySeverityOverrides(result.findings, options.severity);
    this.linted.set(doc.uri.toString(), { version, kind: result.kind, findings, states: result.states });
    if (result.kind === 'unknown') this.collection.delete(doc.uri);
    else this.collection.set(doc.uri, findings.map((f) => new WorkflowDiagnostic(f, version, doc.uri, this.options.ruleDocs)));
    this.lintedEmitter.fire(doc.uri);
  }

  private async prepare(doc: vscode.TextDocument): Promise<{ job: LintJob; folder?: vscode.Uri }> {
    const text = doc.getText();
    const maxDocumentChars = this.settings.getOptions(doc.uri).maxDocumentChars;
    // The host's own reads (the files a rule asks for) use the same cap as the lint run.
    setParseLimits({ maxDocumentChars: maxDocumentChars ?? DEFAULT_PARSE_LIMITS.maxDocumentChars });
    const job: LintJob = { fileName: doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.path, text, files: {}, defaultRegion: this.options.defaultRegion?.(), maxDocumentChars };
    const governing = await this.files.governingManifest(doc.uri);
    if (!governing) {
      job.kind = this.kindWithoutManifest(doc, job);
      await this.withTemplates(doc, job);
      return { job };
    }
    if (isManifestUri(doc.uri)) {
      job.kind = 'manifest';
      await this.files.snapshot(governing.folder, await this.files.namedPaths(await this.files.parse(doc.uri, text)), job.files);
    } else {
      job.manifestText = governing.text;
      job.kind = governing.kind ?? this.kindWithoutManifest(doc, job);
      await this.withTemplates(doc, job);
    }
    return { job, folder: governing.folder };
  }

  /** A template gets its folder's files; a definition, the templates that name it (unless template checks are off). */
  private async withTemplates(doc: vscode.TextDocument, job: LintJob): Promise<void> {
    const enabled = this.settings.getOptions(doc.uri).templates;
    if (job.kind === 'cloudFormationTemplate') {
      if (!enabled) {
        job.kind = 'unknown';
        return;
      }
      job.siblings = emptySiblings();
      await this.options.templates?.update(doc.uri, job.text);
    } else if (job.kind === 'stateMachine' && enabled && this.options.templates) {
      const templates = await this.options.templates.templatesFor(doc.uri);
      if (templates.length) job.templates = templates;
    }
  }

  /** Our language ids are state machines by definition; other JSON/YAML files by their content. */
  private kindWithoutManifest(doc: vscode.TextDocument, job: LintJob): DocumentKind {
    if (doc.languageId === 'asl' || doc.languageId === 'asl-yaml') return 'stateMachine';
    return detectKind(job.fileName, job.text);
  }

  private warnAboutSettings(overrides: Record<string, string>): void {
    const invalid = invalidOverrides(overrides);
    const key = invalid.join(',');
    if (key === this.warnedSettings) return;
    this.warnedSettings = key;
    if (invalid.length) this.logger.warn(`awsWorkflows.diagnostics.severity: ignored ${invalid.map((c) => `"${c}"`).join(', ')}; use "error", "warning", "info" or "off".`);
  }

  override dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
    super.dispose();
  }
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}

function isShownInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => tabUri(t)?.toString() === key));
}

export { DIAGNOSTIC_SOURCE };
