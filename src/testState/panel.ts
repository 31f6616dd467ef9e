// One state of a definition under TestState, in a small webview: input, variables, context, the
// inspection level, a mock from the file beside the definition, the role from aws-workflows.yaml;
// Run, Save as test case (the `*.tests.yaml` that `aws-workflows test` reads) and Copy output.
// Loaded on first use (register.ts); its page is dist/testStateView.js.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsSession } from '../aws/session';
import { postKept, scriptPageHtml } from '../common/webview/page';
import type { DiagnosticsManager } from '../diagnostics/manager';
import type { Logger } from '../core/log';
import { parseManifest } from '../core/manifest';
import { formatSize, parseLimits } from '../core/parse/limits';
import { appendTestCase, buildTestStateRequest, definitionJson, EMPTY_FORM, testedState, manifestRoleFor, MOCKABLE_TYPES, mockChoices, mockFileNames, testCaseFromRun, testFileName, type MockChoice, type TestStateForm, type TestStateRequest } from '../core/testState/model';
import { findManifestUpwards } from '../deploy/engine/targets';
import { resolveContained } from '../files/contain';
import { isRegularFile, readBoundedTextFile, type BoundedRead } from '../files/read';
import { statePathLabel } from '../core/testState/statePath';
import type { TestStateViewState } from './ids';
import type { FromTestStateView, TestStateResultView, TestStateSetup, ToTestStateView } from './protocol';
import { runTestState } from './run';

const PAGE_CSS = [
  'body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 16px 24px}',
  'h1{font-size:1.3em;margin:12px 0 2px}h2{font-size:1.05em;margin:16px 0 6px}',
  '.muted{color:var(--vscode-descriptionForeground)}',
  '.error-box{border-left:3px solid var(--vscode-errorForeground);padding:4px 10px;margin:8px 0;background:var(--vscode-inputValidation-errorBackground)}',
  '.notice{border-left:3px solid var(--vscode-focusBorder);padding:4px 10px;margin:8px 0}',
  'label{display:block;margin:10px 0 3px;font-weight:600}',
  'textarea,input[type=text],select{width:100%;box-sizing:border-box;background:var(--vscode-input-background);color:var(--vscode-input-foreground);border:1px solid var(--vscode-input-border,transparent);font-family:var(--vscode-editor-font-family);font-size:var(--vscode-editor-font-size);padding:4px}',
  'textarea{min-height:4.5em;resize:vertical}textarea:focus,input:focus,select:focus{outline:1px solid var(--vscode-focusBorder)}',
  '.invalid{border-color:var(--vscode-inputValidation-errorBorder)!important}.field-error{color:var(--vscode-errorForeground);font-size:.9em;margin-top:2px}',
  '.grid{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}',
  '.actions{display:flex;flex-wrap:wrap;gap:6px;margin:12px 0;align-items:center}.actions input{width:auto;flex:1;min-width:12em}',
  'button{background:var(--vscode-button-background);color:var(--vscode-button-foreground);border:none;padding:4px 12px;cursor:pointer}',
  'button.secondary{background:var(--vscode-button-secondaryBackground);color:var(--vscode-button-secondaryForeground)}',
  'button:hover{background:var(--vscode-button-hoverBackground)}button:disabled{opacity:.5;cursor:default}',
  'pre{font-family:var(--vscode-editor-font-family);font-size:var(--vscode-editor-font-size);white-space:pre-wrap;word-break:break-word;margin:0;max-height:280px;overflow:auto;background:var(--vscode-textCodeBlock-background);padding:6px}',
  '.status{padding:1px 8px;border-radius:8px;font-size:.85em;border:1px solid currentColor}',
  '.st-SUCCEEDED{color:var(--vscode-testing-iconPassed)}.st-FAILED{color:var(--vscode-testing-iconFailed)}.st-CAUGHT_ERROR,.st-RETRIABLE{color:var(--vscode-editorWarning-foreground)}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:6px 0}dt{color:var(--vscode-descriptionForeground)}dd{margin:0}',
  'h3{font-size:1em;margin:10px 0 4px}label.plain{font-weight:normal}',
].join('\n');

export interface TestStatePanelDeps {
  aws: Pick<AwsSession, 'sfn' | 'getRegion'>;
  logger: Logger;
  extensionUri: vscode.Uri;
  /** The panel's view type (ids.ts), passed in so the light ids stay out of this chunk. */
  viewType: string;
  diagnostics: Pick<DiagnosticsManager, 'lintedDocument'>;
  /** The clipboard, behind a seam for tests. */
  writeClipboard?(text: string): Thenable<void>;
}

/**
 * The command: the state a CodeLens names, or the one under the cursor of the active editor. It
 * answers the panel (in-host tests drive it through `handle` and read `posted`).
 */
export function openTestState(deps: TestStatePanelDeps, uri: unknown, stateName: unknown, statePath?: unknown): TestStatePanel {
  const target = uri instanceof vscode.Uri && typeof stateName === 'string' ? { uri, stateName, statePath: nestedPath(statePath) } : stateUnderCursor(deps.diagnostics);
  if (!target) throw new Error('Open a Step Functions definition and put the cursor in a state to test it.');
  return TestStatePanel.show(target.uri, target.stateName, deps, target.statePath);
}

/** A nested state's path (two names or more), else undefined: a top-level state is named alone. */
function nestedPath(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 1 && value.every((n) => typeof n === 'string') ? [...value] : undefined;
}

/** The state whose key is at or above the cursor, from the last lint of the active editor. */
function stateUnderCursor(diagnostics: Pick<DiagnosticsManager, 'lintedDocument'>): { uri: vscode.Uri; stateName: string; statePath?: string[] } | undefined {
  const editor = vscode.window.activeTextEditor;
  const states = editor && diagnostics.lintedDocument(editor.document)?.states;
  if (!editor || !states?.length) return undefined;
  const cursor = editor.document.offsetAt(editor.selection.active);
  const above = states.filter((s) => s.offset <= cursor).pop() ?? states[0];
  return { uri: editor.document.uri, stateName: above.name, statePath: nestedPath(above.path) };
}

interface LastRun {
  key: string;
  request: TestStateRequest;
  result: TestStateResultView;
}

/** The text of a file: the open editor's (unsaved edits included), else the disk's, bounded. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  const read = uri.scheme === 'file' ? await readBoundedTextFile(uri.fsPath) : await readBoundedVirtualFile(uri);
  if (read === undefined) return undefined;
  if (read.ok) return read.text;
  if (/not exist|ENOENT|no such/i.test(read.reason)) return undefined;
  throw new Error(`${path.basename(uri.path)} cannot be read: ${read.reason}.`);
}

/** A file of another file system (a remote or virtual workspace), within the cap files on disk have; undefined when it cannot be read. */
async function readBoundedVirtualFile(uri: vscode.Uri): Promise<BoundedRead | undefined> {
  const maxBytes = parseLimits().maxDocumentChars;
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > maxBytes) return { ok: false, reason: `it has ${formatSize(size)}, more than the ${formatSize(maxBytes)} limit` };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > maxBytes) return { ok: false, reason: `it has more than the ${formatSize(maxBytes)} limit` };
    return { ok: true, text: new TextDecoder().decode(bytes) };
  } catch {
    return undefined;
  }
}

/**
 * A file beside the definition (its mocks, its tests), refused when a symbolic link takes it out of
 * the workspace folder: a hostile workspace must not get another file sent to AWS or overwritten.
 */
function besideDefinition(uri: vscode.Uri, name: string): vscode.Uri {
  const sibling = vscode.Uri.joinPath(uri, '..', name);
  if (uri.scheme !== 'file') return sibling;
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
  const contained = resolveContained(path.dirname(uri.fsPath), name, root);
  if (!contained.ok) throw new Error(`${name} is not used: ${contained.reason}.`);
  return sibling;
}

/** aws-workflows.yaml in the definition's folder or the nearest one above it, within its workspace folder (only its own folder outside one). */
function nearestManifest(uri: vscode.Uri): string | undefined {
  const dir = path.dirname(uri.fsPath);
  const found = findManifestUpwards(dir, vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? dir);
  return found && isRegularFile(found) ? found : undefined;
}

export class TestStatePanel {
  private static readonly open = new Map<string, TestStatePanel>();
  private setup: TestStateSetup | undefined;
  private lastRun: LastRun | undefined;
  private running: AbortController | undefined;
  private disposed = false;
  /** The last messages sent to the page (in-host tests read what the panel shows from here). */
  readonly posted: ToTestStateView[] = [];

  static show(uri: vscode.Uri, stateName: string, deps: TestStatePanelDeps, statePath?: string[]): TestStatePanel {
    const key = `${uri.toString()}#${statePath ? statePath.join('/') : stateName}`;
    const existing = TestStatePanel.open.get(key);
    if (existing) {
      existing.panel.reveal();
      void existing.handle({ type: 'reloadMocks', form: existing.viewState.form ?? existing.setup?.form ?? EMPTY_FORM });
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(deps.viewType, `Test ${statePath ? statePathLabel(statePath) : stateName}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist')],
    });
    return new TestStatePanel(panel, { uri: uri.toString(), stateName, ...(statePath ? { statePath } : {}) }, deps);
  }

  /** After a reload: the serializer hands back the panel and what the page kept. */
  static revive(panel: vscode.WebviewPanel, saved: unknown, deps: TestStatePanelDeps): void {
    const s = saved as Partial<TestStateViewState> | undefined;
    if (typeof s?.uri !== 'string' || typeof s.stateName !== 'string') return panel.dispose();
    const state: TestStateViewState = { uri: s.uri, stateName: s.stateName, statePath: nestedPath(s.statePath), form: s.form };
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist')] };
    new TestStatePanel(panel, state, deps);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    readonly viewState: TestStateViewState,
    /** Shared by every panel; in-host tests put a clipboard seam here. */
    readonly deps: TestStatePanelDeps,
  ) {
    TestStatePanel.open.set(this.key, this);
    panel.title = `Test ${this.label}`;
    panel.webview.html = this.html();
    panel.onDidDispose(() => this.dispose());
    panel.webview.onDidReceiveMessage((m: FromTestStateView) => void this.handle(m));
  }

  private get key(): string {
    return `${this.viewState.uri}#${this.viewState.statePath ? this.viewState.statePath.join('/') : this.viewState.stateName}`;
  }

  /** The state under test: a top-level state's name, or a nested state's path. */
  private get tested(): string | string[] {
    return this.viewState.statePath ?? this.viewState.stateName;
  }

  /** How the state is named to the user: "ProcessItems › ChargeCard" for a nested one. */
  private get label(): string {
    return this.viewState.statePath ? statePathLabel(this.viewState.statePath) : this.viewState.stateName;
  }

  private get uri(): vscode.Uri {
    return vscode.Uri.parse(this.viewState.uri);
  }

  /** Messages handled (in-host tests send what the page would). */
  async handle(message: FromTestStateView): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          return await this.load(message.form ?? this.viewState.form);
        case 'reloadMocks':
          return await this.load(message.form);
        case 'run':
          await this.run(message.form);
          return;
        case 'save':
          return await this.save(message.form, message.name);
        case 'copyOutput': {
          const output = this.lastRun?.result.output;
          if (output === undefined) throw new Error('There is no output to copy yet: run the state first.');
          await (this.deps.writeClipboard ?? ((text: string) => vscode.env.clipboard.writeText(text)))(output);
          this.post({ type: 'notice', message: 'The output is on the clipboard.' });
          return;
        }
      }
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      this.deps.logger.error(`TestState panel (${message.type}): ${text}`);
      this.post({ type: 'error', message: text });
    } finally {
      this.post({ type: 'busy', busy: false });
    }
  }

  /** Reads the definition, the mocks beside it and the manifest's role; sends the page what it shows. */
  private async load(restored: TestStateForm | undefined): Promise<void> {
    const uri = this.uri;
    const { stateName } = this.viewState;
    const fileName = path.posix.basename(uri.path);
    const text = await readText(uri);
    if (text === undefined) throw new Error(`${fileName} no longer exists, so ${this.label} cannot be tested.`);
    const definition = definitionJson(text, fileName);
    const tested = definition.ok ? testedState(definition.value, this.tested) : undefined;
    const state = tested?.ok ? tested.value.state : undefined;
    const stateType = typeof state?.Type === 'string' ? state.Type : undefined;
    // A nested state's mock is looked up as a top-level one's: by its own name, else its resource.
    const resource = typeof state?.Resource === 'string' ? state.Resource : undefined;
    const mockable = MOCKABLE_TYPES.includes(String(stateType));

    let mocks: MockChoice[] = [];
    let mockNote = `No ${mockFileNames(fileName)[0]} beside the definition.`;
    for (const name of mockFileNames(fileName)) {
      const mockUri = besideDefinition(uri, name);
      const mockText = await readText(mockUri);
      if (mockText === undefined) continue;
      const found = mockChoices(mockText, name, stateName, resource);
      mocks = found.choices;
      mockNote = found.problem ?? (mocks.length ? `From ${name}.` : `${name} has no mock for ${stateName} or its resource.`);
      break;
    }
    if (!mockable) mockNote = `TestState takes a mock only for Task, Map and Parallel states; ${stateName} is a ${stateType ?? 'state without a Type'}.`;

    const role = await this.manifestRole(uri);
    const region = role.region ?? (await this.deps.aws.getRegion());
    const roleNote = role.roleArn
      ? `From ${role.manifest} (entry ${role.entry}).`
      : role.manifest
        ? `No entry of ${role.manifest} has this definition, so there is no role: enter one to call the state's service, or leave it empty for states that call nothing.`
        : "No aws-workflows.yaml names this definition, so there is no role: enter one to call the state's service, or leave it empty for states that call nothing.";
    const form: TestStateForm = restored ?? {
      ...EMPTY_FORM,
      roleArn: role.roleArn ?? '',
      mock: mockable && mocks[0] ? JSON.stringify(mocks[0].mock, null, 2) : '',
    };
    this.viewState.form = form;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    this.setup = {
      stateName,
      statePath: this.label,
      nested: !!this.viewState.statePath,
      stateType,
      definition: folder ? path.posix.relative(folder.uri.path, uri.path) : fileName,
      form,
      mocks: mockable ? mocks : [],
      mockNote,
      mockable,
      roleNote,
      region,
    };
    this.post({ type: 'setup', setup: this.setup });
    if (!definition.ok) this.post({ type: 'error', message: definition.message, field: 'definition' });
    else if (tested && !tested.ok) this.post({ type: 'error', message: tested.message, field: tested.field });
  }

  private async manifestRole(uri: vscode.Uri): Promise<{ roleArn?: string; region?: string; entry?: string; manifest?: string }> {
    if (uri.scheme !== 'file') return {};
    const manifestPath = nearestManifest(uri);
    if (!manifestPath) return {};
    const text = await readText(vscode.Uri.file(manifestPath));
    if (text === undefined) return {};
    const shown = vscode.workspace.asRelativePath(manifestPath);
    const rel = path.relative(path.dirname(manifestPath), uri.fsPath);
    return { ...manifestRoleFor(parseManifest(text).manifest, rel), manifest: shown };
  }

  private async request(form: TestStateForm): Promise<TestStateRequest> {
    const uri = this.uri;
    const text = await readText(uri);
    if (text === undefined) throw new Error(`${path.posix.basename(uri.path)} no longer exists.`);
    const definition = definitionJson(text, path.posix.basename(uri.path));
    if (!definition.ok) throw Object.assign(new Error(definition.message), { field: definition.field });
    const built = buildTestStateRequest(definition.value, this.tested, form);
    if (!built.ok) throw Object.assign(new Error(built.message), { field: built.field });
    return built.value;
  }

  /** Runs the state with what the form holds; the page gets the result (or one sentence). */
  async run(form: TestStateForm): Promise<LastRun | undefined> {
    this.viewState.form = form;
    let request: TestStateRequest;
    try {
      request = await this.request(form);
    } catch (err) {
      this.post({ type: 'error', message: (err as Error).message, field: (err as { field?: string }).field });
      return undefined;
    }
    this.running?.abort();
    const running = (this.running = new AbortController());
    this.post({ type: 'busy', busy: true });
    const region = this.setup?.region ?? (await this.deps.aws.getRegion());
    const result = await runTestState(this.deps.aws, region, request, running.signal, this.label);
    if (running.signal.aborted) return undefined;
    this.lastRun = { key: JSON.stringify(form), request, result };
    this.post({ type: 'result', result });
    return this.lastRun;
  }

  /** Appends the last run (run again if the form changed since) to the tests file beside the definition. */
  private async save(form: TestStateForm, name: string | undefined): Promise<void> {
    const run = this.lastRun?.key === JSON.stringify(form) ? this.lastRun : await this.run(form);
    if (!run) return;
    const uri = this.uri;
    const definitionFile = path.posix.basename(uri.path);
    const testsUri = besideDefinition(uri, testFileName(definitionFile));
    const r = run.result;
    const caseName = name?.trim() || `${this.label}: ${r.status ?? 'no status'}${r.nextState ? ` → ${r.nextState}` : ''}${r.error ? ` (${r.error})` : ''}`;
    const next = appendTestCase(await readText(testsUri), definitionFile, testCaseFromRun(caseName, run.request, r, this.viewState.statePath));
    if (!next.ok) throw new Error(next.message);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === testsUri.toString());
    if (open) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(testsUri, new vscode.Range(0, 0, open.lineCount, 0), next.value);
      await vscode.workspace.applyEdit(edit);
      await open.save();
    } else {
      await vscode.workspace.fs.writeFile(testsUri, new TextEncoder().encode(next.value));
    }
    const file = path.posix.basename(testsUri.path);
    this.post({ type: 'notice', message: `Saved as the case "${caseName}" in ${file}; \`aws-workflows test\` runs it.` });
    void vscode.window.showInformationMessage(`Saved the case "${caseName}" in ${file}.`, 'Open').then((pick) => {
      if (pick) void vscode.window.showTextDocument(testsUri);
    });
  }

  private post(message: ToTestStateView): void {
    if (!this.disposed) postKept(this.panel.webview, this.posted, message);
  }

  private html(): string {
    return scriptPageHtml({ webview: this.panel.webview, extensionUri: this.deps.extensionUri, script: 'testStateView.js', css: PAGE_CSS, title: 'TestState', state: this.viewState, loading: 'Loading the state…' });
  }

  dispose(): void {
    this.disposed = true;
    this.running?.abort();
    TestStatePanel.open.delete(this.key);
  }
}
