// One execution as an execution view shows it: its description and first page of history (asked
// for as soon as the execution is opened, not when the page is ready), more history on request, the
// graph of the definition it ran, Map Runs, and polling while it runs and its view is visible. A view
// that moves on to another execution disposes its session: its polls stop and late answers are dropped.

import { callAws } from '../aws/errors';
import { describeExecutionContent, type ExecutionContent } from '../aws/stepFunctionsContent';
import { buildGraph } from '../core/graph';
import { layoutGraph } from '../core/graph/layout';
import { renderSvg } from '../core/graph/svg';
import { stateOutcomes, stateRuns, type HistoryEventLike } from '../core/runs/history';
import { nextPollDelay, RUNNING_STATUSES } from '../core/runs/polling';
import { executionName } from '../explorer/model/executionActions';
import type { ExplorerAws } from '../explorer/model/listing';
import type { ExecutionSummary, ExecutionViewState, HistoryRow, MapRunRow, ToView } from './protocol';

const HISTORY_PAGE = 100;

/** History events after which an execution no longer runs. */
const RUN_ENDED_EVENTS: ReadonlySet<string> = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut']);

/** The view a session draws into. */
export interface SessionHost {
  readonly visible: boolean;
  post(message: ToView): void;
  /** The execution is described (the view's title follows its status). */
  described(summary: ExecutionSummary): void;
}

export type ExecutionRef = Omit<ExecutionViewState, 'locked'>;

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

export class ExecutionSession {
  private events: HistoryEventLike[] = [];
  private nextToken: string | undefined;
  private withData = true;
  private current: ExecutionSummary | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delay: number | undefined;
  private lastKey = '';
  private disposed = false;
  /** The first load's answers, asked for when the execution is opened; `load()` takes them once. */
  private prefetched: Promise<ExecutionContent> | undefined;
  /** The newest event id seen, loaded into the table or not (polls ask for what is newer). */
  private lastEventId = 0;
  /** Polls saw more new events than one page holds: the table is not contiguous to the end. */
  private gap = false;
  private graphCache: { svg?: string; note?: string } | undefined;

  constructor(
    readonly ref: ExecutionRef,
    /** AWS, or the local emulator for an execution Run Locally started. */
    readonly aws: () => ExplorerAws,
    private readonly host: SessionHost,
  ) {
    // Asked while the page loads (or resets), so the first page of history is there when the page is ready.
    this.prefetched = this.fetchStart();
    this.prefetched.catch(() => undefined);
  }

  get summary(): ExecutionSummary | undefined {
    return this.current;
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
    if (this.disposed) return;
    const d = content.execution;
    this.current = {
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
      express: executionArn.split(':')[5] === 'express', // arn:aws:states:…:express:Name:id: Express executions have their own ARN type
    };
    this.postHistory();
    // The first page shows now; the graph (one more call and a layout) follows.
    this.postExecutionNow();
    this.host.described(this.current);
    await this.postExecution();
    await this.loadMapRuns();
    const key = `${this.current.status}|${this.lastEventId}`;
    const changed = key !== this.lastKey;
    this.lastKey = key;
    if (RUNNING_STATUSES.has(this.current.status)) this.schedule(changed);
    else this.stopPolling();
  }

  /** The execution and the first page of history, asked together. */
  private fetchStart(): Promise<ExecutionContent> {
    const { region, executionArn } = this.ref;
    const described = (async () => {
      const handle = await this.aws().sfn(region);
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
      const { client, sdk } = await this.aws().sfn(region);
      return client.send(new sdk.GetExecutionHistoryCommand({ executionArn, maxResults: HISTORY_PAGE, reverseOrder: true, includeExecutionData: this.withData }));
    });
    if (this.disposed) return;
    const newest = (out.events ?? []) as HistoryEventLike[];
    // Ended when the newest event ends the run: a redriven execution keeps its earlier run's
    // ExecutionFailed further back, which must not load everything again at every poll.
    const latest = newest[0]?.type;
    if (latest !== undefined && RUN_ENDED_EVENTS.has(latest)) return this.load();
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

  async loadHistory(first: boolean): Promise<void> {
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
        const { client, sdk } = await this.aws().sfn(region);
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
    this.post({ type: 'history', rows, more: !!this.nextToken || this.gap, withData: this.withData, note: this.withData ? undefined : this.current?.unreadable ?? 'Input and output are left out: reading them needs kms:Decrypt on the state machine\'s key.' });
  }

  /** The execution with the graph drawn so far (none before the first drawing). */
  private postExecutionNow(): void {
    if (!this.current) return;
    const states = stateRuns(this.events, this.nextToken || this.gap ? 'RUNNING' : this.current.status);
    this.post({ type: 'execution', execution: this.current, states, graphSvg: this.graphCache?.svg, graphNote: this.graphCache?.note, outcomes: stateOutcomes(states) });
  }

  private async postExecution(): Promise<void> {
    if (!this.current) return;
    await this.graph();
    this.postExecutionNow();
  }

  /** The definition the execution ran, drawn by the graph model (src/core/graph). */
  private async graph(): Promise<void> {
    if (!this.graphCache) {
      const { region, executionArn } = this.ref;
      try {
        const d = await callAws({ service: 'states', operation: 'DescribeStateMachineForExecution', region, resource: executionName(executionArn) }, async () => {
          const { client, sdk } = await this.aws().sfn(region);
          return client.send(new sdk.DescribeStateMachineForExecutionCommand({ executionArn }));
        });
        const built = buildGraph({ fileName: 'definition.asl.json', text: d.definition ?? '', kind: 'stateMachine' });
        this.graphCache = built.ok ? { svg: renderSvg(layoutGraph(built.model)) } : { note: `The graph is not drawn: ${built.message}` };
      } catch (err) {
        this.graphCache = { note: `The graph is not drawn: ${err instanceof Error ? err.message : String(err)}` };
      }
    }
  }

  private async loadMapRuns(): Promise<void> {
    const { region, executionArn } = this.ref;
    if (this.current?.express) return;
    const list = await callAws({ service: 'states', operation: 'ListMapRuns', region, resource: executionName(executionArn) }, async () => {
      const { client, sdk } = await this.aws().sfn(region);
      return client.send(new sdk.ListMapRunsCommand({ executionArn }));
    });
    const runs: MapRunRow[] = [];
    for (const r of list.mapRuns ?? []) {
      const d = await callAws({ service: 'states', operation: 'DescribeMapRun', region, resource: r.mapRunArn }, async () => {
        const { client, sdk } = await this.aws().sfn(region);
        return client.send(new sdk.DescribeMapRunCommand({ mapRunArn: r.mapRunArn }));
      });
      const c = d.itemCounts;
      runs.push({ mapRunArn: r.mapRunArn ?? '', status: d.status, startDate: d.startDate?.toISOString(), stopDate: d.stopDate?.toISOString(), total: c?.total, succeeded: c?.succeeded, failed: c?.failed, running: c?.running, pending: c?.pending, aborted: c?.aborted, timedOut: c?.timedOut });
    }
    this.post({ type: 'mapRuns', runs });
  }

  schedule(changed: boolean): void {
    if (this.disposed || this.timer || !this.host.visible || !RUNNING_STATUSES.has(this.current?.status ?? '')) return;
    this.delay = nextPollDelay(this.delay, changed);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.poll().catch((err: unknown) => {
        this.post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
        this.schedule(false);
      });
    }, this.delay);
  }

  stopPolling(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.delay = undefined;
  }

  private post(message: ToView): void {
    if (!this.disposed) this.host.post(message);
  }

  dispose(): void {
    this.disposed = true;
    this.stopPolling();
  }
}
