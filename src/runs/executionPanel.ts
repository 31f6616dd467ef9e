// One execution in a webview: status, times, input and output, the graph coloured by how each
// state ended, the event history (paged) with the states it describes, and Map Runs; with Stop,
// Redrive, Start again with this input, Copy ARN and Open in AWS Console. Loaded on first use
// (src/runs/register.ts); its page is dist/executionView.js. Polls while the execution runs and the panel is visible.

import * as vscode from 'vscode';
import { callAws } from '../aws/errors';
import { postKept, scriptPageHtml } from '../common/webview/page';
import { describeExecutionContent, type ExecutionContent } from '../aws/stepFunctionsContent';
import { buildGraph } from '../core/graph';
import { layoutGraph } from '../core/graph/layout';
import { VSCODE_PALETTE, graphCss, renderSvg } from '../core/graph/svg';
import type { Logger } from '../core/log';
import { stateOutcomes, stateRuns, type HistoryEventLike } from '../core/runs/history';
import { nextPollDelay } from '../core/runs/polling';
import { consoleUrl } from '../explorer/model/consoleUrls';
import { executionName, redriveExecution, stopExecution } from '../explorer/model/executionActions';
import type { ExplorerAws } from '../explorer/model/listing';
import { EXECUTION_VIEW_TYPE } from './ids';
import type { ExecutionSummary, ExecutionViewState, FromView, HistoryRow, MapRunRow, ToView } from './protocol';

const HISTORY_PAGE = 100;

/** History events after which an execution no longer runs. */
const RUN_ENDED_EVENTS: ReadonlySet<string> = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut']);

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

function detailText(e: Record<string, unknown>): string {
  for (const [k, v] of Object.entries(e)) {
    if (!k.endsWith('EventDetails') || !v || typeof v !== 'object') continue;
    return Object.entries(v as Record<string, unknown>)
      .filter(([key, value]) => value !== undefined && !key.endsWith('Details'))
      .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join('\n');
  }
  return '';
}

export class ExecutionPanel {
  private static readonly open = new Map<string, ExecutionPanel>();
  private events: HistoryEventLike[] = [];
  private nextToken: string | undefined;
  private withData = true;
  private summary: ExecutionSummary | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delay: number | undefined;
  private lastKey = '';
  private disposed = false;
  /** The first load's answers, asked for when the panel opens; `load()` takes them once. */
  private prefetched: Promise<ExecutionContent> | undefined;
  /** The newest event id seen, loaded into the table or not (polls ask for what is newer). */
  private lastEventId = 0;
  /** Polls saw more new events than one page holds: the table is not contiguous to the end. */
  private gap = false;

  /** Opens (or shows) the view of one execution. */
  static show(ref: ExecutionViewState, deps: ExecutionPanelDeps): ExecutionPanel {
    const existing = ExecutionPanel.open.get(ref.executionArn);
    if (existing) {
      existing.panel.reveal();
      void existing.load();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(EXECUTION_VIEW_TYPE, `Execution ${executionName(ref.executionArn)}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist')],
    });
    return new ExecutionPanel(panel, ref, deps);
  }

  /** After a reload: the serializer hands back the panel and the state the view saved. */
  static revive(panel: vscode.WebviewPanel, state: ExecutionViewState, deps: ExecutionPanelDeps): ExecutionPanel {
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist')] };
    return new ExecutionPanel(panel, state, deps);
  }

  static forTests(executionArn: string): ExecutionPanel | undefined {
    return ExecutionPanel.open.get(executionArn);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    readonly ref: ExecutionViewState,
    private readonly deps: ExecutionPanelDeps,
  ) {
    ExecutionPanel.open.set(ref.executionArn, this);
    // Asked while the page loads, so the first page of history is there when the page says it is ready.
    this.prefetched = this.fetchStart();
    this.prefetched.catch(() => undefined);
    panel.webview.html = this.html();
    panel.onDidDispose(() => this.dispose());
    panel.onDidChangeViewState(() => {
      if (panel.visible) this.schedule(true);
      else this.stopPolling();
    });
    panel.webview.onDidReceiveMessage((m: FromView) => void this.handle(m));
  }

  /** AWS, or the local emulator for an execution Run Locally started. */
  private get aws(): ExplorerAws {
    return this.ref.local ? this.deps.local() : this.deps.aws;
  }

  /** Messages handled (for tests: what the view would send). */
  async handle(message: FromView): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
        case 'refresh':
          return await this.load();
        case 'moreHistory':
          return await this.loadHistory(false);
        case 'stop':
          void vscode.window.showInformationMessage(await stopExecution(this.aws, this.ref));
          return await this.load();
        case 'redrive':
          void vscode.window.showInformationMessage(await redriveExecution(this.aws, this.ref));
          return await this.load();
        case 'startAgain':
          return await this.startAgain();
        case 'copyArn':
          await this.deps.env.writeClipboard(this.ref.executionArn);
          return;
        case 'openConsole': {
          if (this.ref.local) throw new Error('This execution ran on the local emulator, so it has no page in the AWS console.');
          const url = consoleUrl({ kind: 'stateMachineExecution', region: this.ref.region, name: executionName(this.ref.executionArn), arn: this.ref.executionArn });
          if (url) await this.deps.env.openExternal(vscode.Uri.parse(url));
          return;
        }
      }
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      this.deps.logger.error(`execution view (${message.type}): ${text}`);
      this.post({ type: 'error', message: text });
    } finally {
      this.post({ type: 'busy', busy: false });
    }
  }

  /**
   * Everything again: the execution and the first page of history (asked together, shown as soon as
   * both answer), then the graph, then Map Runs.
   */
  async load(): Promise<void> {
    const { region, executionArn } = this.ref;
    const first = this.prefetched ?? this.fetchStart();
    this.prefetched = undefined;
    const content = await first;
    const d = content.execution;
    this.summary = {
      executionArn,
      region,
      name: d.name ?? executionName(executionArn),
      stateMachineArn: d.stateMachineArn,
      status: d.status ?? 'UNKNOWN',
      startDate: d.startDate?.toISOString(),
      stopDate: d.stopDate?.toISOString(),
      input: d.input,
      output: d.output,
      error: d.error,
      cause: d.cause,
      unreadable: content.unreadable,
      redrivable: d.redriveStatus === 'REDRIVABLE',
      redriveReason: d.redriveStatusReason,
      redriveCount: d.redriveCount ?? 0,
      express: executionArn.split(':')[5] === 'express',
    };
    this.postHistory();
    // The first page shows now; the graph (one more call and a layout) follows.
    this.postExecutionNow();
    await this.postExecution();
    await this.loadMapRuns();
    this.panel.title = `Execution ${this.summary.name} (${this.summary.status}${this.ref.local ? ', local' : ''})`;
    const key = `${this.summary.status}|${this.lastEventId}`;
    const changed = key !== this.lastKey;
    this.lastKey = key;
    if (this.summary.status === 'RUNNING') this.schedule(changed);
    else this.stopPolling();
  }

  /** The execution and the first page of history, asked together. */
  private fetchStart(): Promise<ExecutionContent> {
    const { region, executionArn } = this.ref;
    const described = (async () => {
      const handle = await this.aws.sfn(region);
      return describeExecutionContent(handle, executionArn, { region, resource: executionName(executionArn) });
    })();
    return Promise.all([described, this.fetchHistory(true)]).then(([content]) => content);
  }

  /**
   * One poll of a running execution costs one request: the newest events (GetExecutionHistory in
   * reverse). New events join the table when the history is loaded to its end; an execution event
   * that ends the run loads everything again, once.
   */
  private async poll(): Promise<void> {
    const { region, executionArn } = this.ref;
    const out = await callAws({ service: 'states', operation: 'GetExecutionHistory', region, resource: executionName(executionArn) }, async () => {
      const { client, sdk } = await this.aws.sfn(region);
      return client.send(new sdk.GetExecutionHistoryCommand({ executionArn, maxResults: HISTORY_PAGE, reverseOrder: true, includeExecutionData: this.withData }));
    });
    const newest = (out.events ?? []) as HistoryEventLike[];
    if (newest.some((e) => e.type !== undefined && RUN_ENDED_EVENTS.has(e.type))) return this.load();
    const known = this.lastEventId;
    const fresh = newest.filter((e) => (e.id ?? 0) > known).reverse();
    if (fresh.length === 0) return this.schedule(false);
    this.lastEventId = fresh[fresh.length - 1].id ?? known;
    if (!this.nextToken && !this.gap) {
      // More new events than one page: the table pages them in from the start when asked.
      if ((fresh[0].id ?? 0) === known + 1) this.events.push(...fresh);
      else this.gap = true;
    }
    this.postHistory();
    this.postExecutionNow();
    this.schedule(true);
  }

  private async loadHistory(first: boolean): Promise<void> {
    if (!first && this.gap) {
      // Events arrived faster than a poll reads them: page from the start past what was shown.
      const shown = this.events.length;
      await this.fetchHistory(true);
      while (this.nextToken && this.events.length < shown + HISTORY_PAGE) await this.fetchHistory(false);
    } else {
      await this.fetchHistory(first);
    }
    this.postHistory();
    if (!first) await this.postExecution();
  }

  /** One page of history into `events` (the first page again when `first`). */
  private async fetchHistory(first: boolean): Promise<void> {
    const { region, executionArn } = this.ref;
    if (first) {
      this.events = [];
      this.nextToken = undefined;
      this.gap = false;
    }
    const page = async (includeExecutionData: boolean) =>
      callAws({ service: 'states', operation: 'GetExecutionHistory', region, resource: executionName(executionArn) }, async () => {
        const { client, sdk } = await this.aws.sfn(region);
        return client.send(new sdk.GetExecutionHistoryCommand({ executionArn, maxResults: HISTORY_PAGE, nextToken: this.nextToken, includeExecutionData }));
      });
    let out;
    try {
      out = await page(this.withData);
    } catch (err) {
      // Without kms:Decrypt the history still comes, without input and output.
      if (!this.withData || !(err instanceof Error && /kms/i.test(err.message))) throw err;
      this.withData = false;
      out = await page(false);
    }
    this.events.push(...((out.events ?? []) as HistoryEventLike[]));
    this.nextToken = out.nextToken;
    this.lastEventId = Math.max(first ? 0 : this.lastEventId, this.events[this.events.length - 1]?.id ?? 0);
  }

  private postHistory(): void {
    const rows: HistoryRow[] = this.events.map((e) => ({ id: e.id ?? 0, type: e.type ?? '', previousEventId: e.previousEventId, timestamp: e.timestamp instanceof Date ? e.timestamp.toISOString() : String(e.timestamp ?? ''), detail: detailText(e) }));
    this.post({ type: 'history', rows, more: !!this.nextToken || this.gap, withData: this.withData, note: this.withData ? undefined : this.summary?.unreadable ?? 'Input and output are left out: reading them needs kms:Decrypt on the state machine\'s key.' });
  }

  /** The execution with the graph drawn so far (none before the first drawing). */
  private postExecutionNow(): void {
    if (!this.summary) return;
    const states = stateRuns(this.events, this.nextToken || this.gap ? 'RUNNING' : this.summary.status);
    this.post({ type: 'execution', execution: this.summary, states, graphSvg: this.graphCache?.svg, graphNote: this.graphCache?.note, outcomes: stateOutcomes(states) });
  }

  private async postExecution(): Promise<void> {
    if (!this.summary) return;
    await this.graph();
    this.postExecutionNow();
  }

  private graphCache: { svg?: string; note?: string } | undefined;

  /** The definition the execution ran, drawn by the graph model (src/core/graph). */
  private async graph(): Promise<{ graphSvg?: string; graphNote?: string }> {
    if (!this.graphCache) {
      const { region, executionArn } = this.ref;
      try {
        const d = await callAws({ service: 'states', operation: 'DescribeStateMachineForExecution', region, resource: executionName(executionArn) }, async () => {
          const { client, sdk } = await this.aws.sfn(region);
          return client.send(new sdk.DescribeStateMachineForExecutionCommand({ executionArn }));
        });
        const built = buildGraph({ fileName: 'definition.asl.json', text: d.definition ?? '', kind: 'stateMachine' });
        this.graphCache = built.ok ? { svg: renderSvg(layoutGraph(built.model)) } : { note: `The graph is not drawn: ${built.message}` };
      } catch (err) {
        this.graphCache = { note: `The graph is not drawn: ${err instanceof Error ? err.message : String(err)}` };
      }
    }
    return { graphSvg: this.graphCache.svg, graphNote: this.graphCache.note };
  }

  private async loadMapRuns(): Promise<void> {
    const { region, executionArn } = this.ref;
    if (this.summary?.express) return;
    const list = await callAws({ service: 'states', operation: 'ListMapRuns', region, resource: executionName(executionArn) }, async () => {
      const { client, sdk } = await this.aws.sfn(region);
      return client.send(new sdk.ListMapRunsCommand({ executionArn }));
    });
    const runs: MapRunRow[] = [];
    for (const r of list.mapRuns ?? []) {
      const d = await callAws({ service: 'states', operation: 'DescribeMapRun', region, resource: r.mapRunArn }, async () => {
        const { client, sdk } = await this.aws.sfn(region);
        return client.send(new sdk.DescribeMapRunCommand({ mapRunArn: r.mapRunArn }));
      });
      const c = d.itemCounts;
      runs.push({ mapRunArn: r.mapRunArn ?? '', status: d.status, startDate: d.startDate?.toISOString(), stopDate: d.stopDate?.toISOString(), total: c?.total, succeeded: c?.succeeded, failed: c?.failed, running: c?.running, pending: c?.pending, aborted: c?.aborted, timedOut: c?.timedOut });
    }
    this.post({ type: 'mapRuns', runs });
  }

  /** "Start again with this input": the same state machine (or version), the same input. */
  private async startAgain(): Promise<void> {
    const s = this.summary;
    if (!s?.stateMachineArn) throw new Error('The execution is not loaded yet.');
    if (s.input === undefined) throw new Error(s.unreadable ?? `The input of execution ${s.name} could not be read, so it cannot be started again with it.`);
    const out = await callAws({ service: 'states', operation: 'StartExecution', region: this.ref.region, resource: s.stateMachineArn.split(':').pop() }, async () => {
      const { client, sdk } = await this.aws.sfn(this.ref.region);
      return client.send(new sdk.StartExecutionCommand({ stateMachineArn: s.stateMachineArn, input: s.input }));
    });
    if (out.executionArn) ExecutionPanel.show({ region: this.ref.region, executionArn: out.executionArn, ...(this.ref.local ? { local: true } : {}) }, this.deps);
  }

  private schedule(changed: boolean): void {
    if (this.disposed || this.timer || !this.panel.visible || this.summary?.status !== 'RUNNING') return;
    this.delay = nextPollDelay(this.delay, changed);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.poll().catch((err: unknown) => {
        this.post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
        this.schedule(false);
      });
    }, this.delay);
  }

  private stopPolling(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.delay = undefined;
  }

  /** The last messages sent to the page (in-host tests read what the view shows from here). */
  readonly posted: ToView[] = [];

  private post(message: ToView): void {
    if (!this.disposed) postKept(this.panel.webview, this.posted, message);
  }

  private html(): string {
    const webview = this.panel.webview;
    return scriptPageHtml({ webview, extensionUri: this.deps.extensionUri, script: 'executionView.js', css: `${PAGE_CSS}\n${graphCss(VSCODE_PALETTE)}`, title: 'Execution', state: this.ref, loading: 'Loading the execution…', imgSrc: `${webview.cspSource} data:` });
  }

  dispose(): void {
    this.disposed = true;
    this.stopPolling();
    ExecutionPanel.open.delete(this.ref.executionArn);
  }
}
