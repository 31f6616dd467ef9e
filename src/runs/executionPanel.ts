// The execution view: a webview that shows one execution at a time (executionSession.ts does the
// loading and polling), with Stop, Redrive, Start again with this input, Copy ARN and Open in AWS
// Console. Like VS Code's Markdown preview, an unlocked view is reused for the next execution opened
// (its page is told to show another one: no new webview), and a locked view keeps its execution.
// Loaded on first use (src/runs/register.ts); its page is dist/executionView.js.

import * as vscode from 'vscode';
import { callAws } from '../aws/errors';
import { postKept, scriptPageHtml } from '../common/webview/page';
import { VSCODE_PALETTE, graphCss } from '../core/graph/svg';
import type { Logger } from '../core/log';
import { executionViewTitle, placeExecution } from '../core/runs/executionViews';
import { consoleUrl } from '../explorer/model/consoleUrls';
import { executionName, redriveExecution, stopExecution } from '../explorer/model/executionActions';
import type { ExplorerAws } from '../explorer/model/listing';
import { ExecutionSession, type ExecutionRef } from './executionSession';
import { EXECUTION_VIEW_LOCKED_CONTEXT, EXECUTION_VIEW_TYPE } from './ids';
import type { ExecutionSummary, ExecutionViewState, FromView, ToView } from './protocol';

/** The page's look, in VS Code's theme colours. */
const PAGE_CSS = [
  'body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 16px 24px}',
  'h1{font-size:1.4em;margin:12px 0 4px}h2{font-size:1.1em;margin:18px 0 6px}h3{font-size:1em;margin:8px 0 4px}',
  '.muted{color:var(--vscode-descriptionForeground)}.error{color:var(--vscode-errorForeground)}',
  '.error-box{border-left:3px solid var(--vscode-errorForeground);padding:4px 10px;margin:8px 0;background:var(--vscode-inputValidation-errorBackground)}',
  'pre{font-family:var(--vscode-editor-font-family);font-size:var(--vscode-editor-font-size);white-space:pre-wrap;word-break:break-word;margin:0;max-height:320px;overflow:auto}',
  '.actions{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}',
  'button{background:var(--vscode-button-background);color:var(--vscode-button-foreground);border:none;padding:4px 10px;cursor:pointer}',
  'button:hover{background:var(--vscode-button-hoverBackground)}button:disabled{opacity:.5;cursor:default}',
  '.io,.split{display:grid;grid-template-columns:1fr 1fr;gap:16px}',
  '.block pre{background:var(--vscode-textCodeBlock-background);padding:6px}',
  'table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:3px 8px;border-bottom:1px solid var(--vscode-panel-border);vertical-align:top}',
  'tr.state{cursor:pointer}tr.state:hover{background:var(--vscode-list-hoverBackground)}tr.selected{background:var(--vscode-list-activeSelectionBackground);color:var(--vscode-list-activeSelectionForeground)}',
  'tr.state:focus{outline:1px solid var(--vscode-focusBorder)}',
  '.status{padding:1px 8px;border-radius:8px;font-size:.8em;vertical-align:middle;border:1px solid currentColor}',
  '.run-succeeded,.run-caught{color:var(--vscode-testing-iconPassed)}.run-failed,.run-timed_out,.run-aborted{color:var(--vscode-testing-iconFailed)}.run-running,.run-pending_redrive{color:var(--vscode-charts-blue)}',
  '.graph{overflow:auto;max-height:480px;border:1px solid var(--vscode-panel-border);margin:12px 0}',
  '.wf-graph .run-succeeded>.wf-shape{stroke:var(--vscode-testing-iconPassed);stroke-width:2.5}',
  '.wf-graph .run-caught>.wf-shape{stroke:var(--vscode-editorWarning-foreground);stroke-width:2.5}',
  '.wf-graph .run-failed>.wf-shape,.wf-graph .run-aborted>.wf-shape{stroke:var(--vscode-testing-iconFailed);stroke-width:3}',
  '.wf-graph .run-running>.wf-shape{stroke:var(--vscode-charts-blue);stroke-width:3;stroke-dasharray:6 3}',
  '.history pre{max-height:120px}',
].join('\n');

export interface ExecutionPanelDeps {
  aws: ExplorerAws;
  /** The emulator's session, for executions Run Locally started; throws the sentence when none is configured. */
  local(): ExplorerAws;
  logger: Logger;
  extensionUri: vscode.Uri;
  /** Clipboard and browser, behind a seam for tests. */
  env: { writeClipboard(text: string): Thenable<void>; openExternal(uri: vscode.Uri): Thenable<boolean> };
}

export class ExecutionPanel {
  /** Open views, the most recently active first. */
  private static readonly views: ExecutionPanel[] = [];
  private static nextId = 1;
  readonly id = ExecutionPanel.nextId++;
  private session: ExecutionSession;
  private disposed = false;

  /**
   * Shows one execution: in the view that already shows it, else in the reusable (unlocked) view,
   * else in a new view. Every execution gets its own view when the user turned editor previews off.
   */
  static show(ref: ExecutionRef, deps: ExecutionPanelDeps): ExecutionPanel {
    const reuse = vscode.workspace.getConfiguration('workbench.editor').get<boolean>('enablePreview', true);
    const views = ExecutionPanel.views;
    const placement = placeExecution(views.map((v) => ({ id: v.id, executionArn: v.ref.executionArn, locked: v.locked })), ref.executionArn, reuse);
    const view = placement.kind === 'create' ? undefined : views.find((v) => v.id === placement.id);
    if (view && placement.kind === 'reveal') {
      view.panel.reveal();
      void view.handle({ type: 'refresh' });
      return view;
    }
    if (view) {
      view.showExecution(ref);
      view.panel.reveal();
      return view;
    }
    const panel = vscode.window.createWebviewPanel(EXECUTION_VIEW_TYPE, executionViewTitle(executionName(ref.executionArn), false, undefined, ref.local), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist')],
    });
    return new ExecutionPanel(panel, ref, false, deps);
  }

  /** After a reload: the serializer hands back the panel and the state the view saved. */
  static revive(panel: vscode.WebviewPanel, state: ExecutionViewState, deps: ExecutionPanelDeps): ExecutionPanel {
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist')] };
    const { locked, ...ref } = state;
    return new ExecutionPanel(panel, ref, locked === true, deps);
  }

  /** The view that shows `executionArn` (in-host tests). */
  static forTests(executionArn: string): ExecutionPanel | undefined {
    return ExecutionPanel.views.find((v) => v.ref.executionArn === executionArn);
  }

  /** Every open view, the most recently active first (in-host tests). */
  static openViews(): readonly ExecutionPanel[] {
    return [...ExecutionPanel.views];
  }

  /** The view the user is looking at, for Lock and Unlock. */
  static active(): ExecutionPanel | undefined {
    return ExecutionPanel.views.find((v) => v.panel.active);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    ref: ExecutionRef,
    private locked: boolean,
    private readonly deps: ExecutionPanelDeps,
  ) {
    ExecutionPanel.views.unshift(this);
    this.session = this.newSession(ref);
    this.retitle(undefined);
    panel.webview.html = this.html();
    panel.onDidDispose(() => this.dispose());
    panel.onDidChangeViewState(() => {
      if (panel.visible) this.session.schedule(true);
      else this.session.stopPolling();
      if (panel.active) this.activated();
    });
    panel.webview.onDidReceiveMessage((m: FromView) => void this.handle(m));
    if (panel.active) this.activated();
  }

  get ref(): ExecutionRef {
    return this.session.ref;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  private newSession(ref: ExecutionRef): ExecutionSession {
    const panel = this.panel;
    return new ExecutionSession(ref, () => (ref.local ? this.deps.local() : this.deps.aws), {
      get visible() {
        return panel.visible;
      },
      post: (message) => this.post(message),
      described: (summary) => this.retitle(summary),
    });
  }

  /** Moves this (unlocked) view to another execution: the previous one's polling stops, its late answers are dropped. */
  private showExecution(ref: ExecutionRef): void {
    this.session.dispose();
    this.session = this.newSession(ref);
    this.posted.length = 0;
    this.retitle(undefined);
    this.post({ type: 'show', state: this.state() });
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.retitle(this.session.summary);
    this.post({ type: 'locked', locked });
    if (this.panel.active) this.activated();
  }

  private activated(): void {
    const views = ExecutionPanel.views;
    views.splice(views.indexOf(this), 1);
    views.unshift(this);
    void vscode.commands.executeCommand('setContext', EXECUTION_VIEW_LOCKED_CONTEXT, this.locked);
  }

  private retitle(summary: ExecutionSummary | undefined): void {
    const ref = this.session.ref;
    this.panel.title = executionViewTitle(summary?.name ?? executionName(ref.executionArn), this.locked, summary?.status, ref.local);
  }

  private state(): ExecutionViewState {
    return { ...this.session.ref, ...(this.locked ? { locked: true } : {}) };
  }

  /** Messages handled (for tests: what the view would send). */
  async handle(message: FromView): Promise<void> {
    const session = this.session;
    if (message.executionArn !== undefined && message.executionArn !== session.ref.executionArn) {
      // The page still shows (or showed) another execution: a late click is dropped, a page that
      // loaded before it was told to move on is told again.
      if (message.type === 'ready') this.post({ type: 'show', state: this.state() });
      return;
    }
    const { ref } = session;
    try {
      switch (message.type) {
        case 'ready':
        case 'refresh':
          return await session.load();
        case 'moreHistory':
          return await session.loadHistory(false);
        case 'stop':
          void vscode.window.showInformationMessage(await stopExecution(session.aws(), ref));
          return await session.load();
        case 'redrive':
          void vscode.window.showInformationMessage(await redriveExecution(session.aws(), ref));
          return await session.load();
        case 'startAgain':
          return await this.startAgain(session);
        case 'copyArn':
          await this.deps.env.writeClipboard(ref.executionArn);
          return;
        case 'openConsole': {
          if (ref.local) throw new Error('This execution ran on the local emulator, so it has no page in the AWS console.');
          const url = consoleUrl({ kind: 'stateMachineExecution', region: ref.region, name: executionName(ref.executionArn), arn: ref.executionArn });
          if (url) await this.deps.env.openExternal(vscode.Uri.parse(url));
          return;
        }
      }
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      this.deps.logger.error(`execution view (${message.type}): ${text}`);
      if (session === this.session) this.post({ type: 'error', message: text });
    } finally {
      if (session === this.session) this.post({ type: 'busy', busy: false });
    }
  }

  /** "Start again with this input": the same state machine (or version), the same input. */
  private async startAgain(session: ExecutionSession): Promise<void> {
    const s = session.summary;
    const { region, local } = session.ref;
    if (!s?.stateMachineArn) throw new Error('The execution is not loaded yet.');
    if (s.input === undefined) throw new Error(s.unreadable ?? `The input of execution ${s.name} could not be read, so it cannot be started again with it.`);
    const out = await callAws({ service: 'states', operation: 'StartExecution', region, resource: s.stateMachineArn.split(':').pop() }, async () => {
      const { client, sdk } = await session.aws().sfn(region);
      return client.send(new sdk.StartExecutionCommand({ stateMachineArn: s.stateMachineArn, input: s.input }));
    });
    if (out.executionArn) ExecutionPanel.show({ region, executionArn: out.executionArn, ...(local ? { local: true } : {}) }, this.deps);
  }

  /** The messages sent to the page since it shows this execution, the last 50 (in-host tests read what the view shows from here). */
  readonly posted: ToView[] = [];

  private post(message: ToView): void {
    if (!this.disposed) postKept(this.panel.webview, this.posted, message);
  }

  private html(): string {
    const webview = this.panel.webview;
    return scriptPageHtml({ webview, extensionUri: this.deps.extensionUri, script: 'executionView.js', css: `${PAGE_CSS}\n${graphCss(VSCODE_PALETTE)}`, title: 'Execution', state: this.state(), loading: 'Loading the execution…' });
  }

  dispose(): void {
    this.disposed = true;
    this.session.dispose();
    const views = ExecutionPanel.views;
    if (views.includes(this)) views.splice(views.indexOf(this), 1);
  }
}
