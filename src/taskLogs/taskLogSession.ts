// One open MWAA Serverless task log: its newest page first, older pages on demand, and while the
// task runs, new lines as they are written (GetLogEvents' forward token), at most once per 2 s and
// backing off while nothing arrives (house rule 15); it stops when the task finishes or the
// document closes. No vscode here: the bench and unit tests drive it.

import { LogPager, headerLineCount, renderLogDocument } from '../core/logs/logPager';
import { nextPollDelay } from '../core/runs/polling';
import type { ExplorerAws } from '../explorer/model/listing';
import { logPageFetcher, taskFinished, taskLogLocation, taskStatus, type ServerlessTask, type TaskLogLocation } from '../explorer/model/serverlessRuns';

/** Lines per GetLogEvents page: the first one is shown at once, older ones on demand. */
const TASK_LOG_PAGE_LINES = 1000;
/** A followed task that runs longer than this is no longer followed (show the log again for more). */
const FOLLOW_LIMIT_MS = 60 * 60 * 1000;

export class TaskLogSession {
  readonly pager: LogPager;
  private status: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delay: number | undefined;
  private readonly abort = new AbortController();
  private followingSince: number | undefined;
  private loadingOlder: Promise<number> | undefined;
  private problem: string | undefined;

  private constructor(
    private readonly aws: Pick<ExplorerAws, 'logs' | 'mwaaServerless'>,
    readonly task: ServerlessTask,
    readonly where: TaskLogLocation,
    private readonly onChange: () => void,
  ) {
    this.pager = new LogPager(logPageFetcher(aws, where), TASK_LOG_PAGE_LINES);
    this.status = task.status;
  }

  /** Finds the log, reads its newest page, and starts following when the task still runs. */
  static async open(aws: Pick<ExplorerAws, 'logs' | 'mwaaServerless'>, task: ServerlessTask, onChange: () => void): Promise<TaskLogSession> {
    const where = await taskLogLocation(aws, task);
    const session = new TaskLogSession(aws, task, where, onChange);
    await session.pager.first();
    if (!taskFinished(session.status)) session.follow();
    return session;
  }

  get following(): boolean {
    return this.followingSince !== undefined;
  }

  get text(): string {
    return renderLogDocument({ header: this.header(), lines: this.pager.lines, hasOlder: this.pager.hasOlder, following: this.following, footer: this.problem });
  }

  private header(): string[] {
    const { task, where } = this;
    return [
      `${task.run.workflowName} · run ${task.run.runId} · task ${task.taskId}${task.attempt ? ` · attempt ${task.attempt}` : ''} · ${this.status ?? 'no status'}`,
      `CloudWatch Logs ${where.region} · log group ${where.logGroup} · stream ${where.logStream}`,
    ];
  }

  /** Lines before the log's own first line (where "older" lines go). */
  get headerLines(): number {
    return headerLineCount(this.header().length, this.pager.hasOlder);
  }

  /** Prepends the page before the first loaded line; one load at a time. */
  loadOlder(): Promise<number> {
    this.loadingOlder ??= this.pager.older(this.abort.signal).then(
      (added) => {
        this.loadingOlder = undefined;
        this.problem = undefined;
        this.onChange();
        return added;
      },
      (err: unknown) => {
        this.loadingOlder = undefined;
        this.problem = `Could not load older lines: ${(err as Error).message}`;
        this.onChange();
        throw err;
      },
    );
    return this.loadingOlder;
  }

  dispose(): void {
    this.stopFollowing();
    this.abort.abort();
  }

  private follow(): void {
    this.followingSince = Date.now();
    this.schedule(true);
  }

  private stopFollowing(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.followingSince = undefined;
  }

  private schedule(changed: boolean): void {
    this.delay = nextPollDelay(this.delay, changed);
    this.timer = setTimeout(() => void this.tick(), this.delay);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.abort.signal.aborted) return;
    try {
      const before = this.status;
      const added = await this.pager.newer(this.abort.signal);
      this.status = await taskStatus(this.aws, this.task.run, this.task.taskInstanceId, this.abort.signal);
      if (taskFinished(this.status)) {
        // The last lines are written as the task ends: read once more, then stop.
        await this.pager.newer(this.abort.signal);
        this.stopFollowing();
      } else if (Date.now() - (this.followingSince ?? 0) > FOLLOW_LIMIT_MS) {
        this.stopFollowing();
        this.problem = 'Stopped following after an hour: show the task log again for newer lines.';
      } else {
        this.schedule(added > 0 || before !== this.status);
      }
      this.problem = this.following || taskFinished(this.status) ? undefined : this.problem;
      this.onChange();
    } catch (err) {
      if (this.abort.signal.aborted) return;
      this.problem = `Could not read newer lines (trying again): ${(err as Error).message}`;
      this.onChange();
      this.schedule(false);
    }
  }
}
