// A CloudWatch Logs stream read page by page with GetLogEvents' two tokens: the newest page first
// (what a person opening a task log wants: how it ended), older pages on demand through
// nextBackwardToken, and new events as they arrive through nextForwardToken. Never the whole
// stream at once. Pure: the request is a function, so tests and the bench drive it directly.

export interface LogEventLike {
  timestamp?: number;
  message?: string;
}

export interface LogPageRequest {
  nextToken?: string;
  /** Only without a token: false (the service's default) reads the newest events. */
  startFromHead?: boolean;
  limit: number;
}

export interface LogPageResponse {
  events?: LogEventLike[];
  nextForwardToken?: string;
  nextBackwardToken?: string;
}

export type FetchLogPage = (request: LogPageRequest, signal?: AbortSignal) => Promise<LogPageResponse>;

/** GetLogEvents stops at 10,000 events or 1 MB (26 bytes of overhead per event). */
const RESPONSE_BYTES = 1_048_576;
const EVENT_OVERHEAD = 26;

export class LogPager {
  /** Loaded lines, oldest first. */
  readonly lines: string[] = [];
  private backwardToken: string | undefined;
  private forwardToken: string | undefined;
  private reachedStart = false;
  private loadedFirst = false;

  constructor(
    private readonly fetch: FetchLogPage,
    readonly pageSize = 1000,
  ) {}

  /** Whether older events may exist before the first loaded line. */
  get hasOlder(): boolean {
    return this.loadedFirst && !this.reachedStart;
  }

  /** The newest page. */
  async first(signal?: AbortSignal): Promise<number> {
    const page = await this.fetch({ limit: this.pageSize }, signal);
    const events = page.events ?? [];
    this.lines.length = 0;
    append(this.lines, events.flatMap(messageLines));
    this.backwardToken = page.nextBackwardToken;
    this.forwardToken = page.nextForwardToken;
    this.loadedFirst = true;
    // A page cut short by neither the count nor the size is the whole stream.
    this.reachedStart = !this.backwardToken || (events.length < this.pageSize && !nearSizeLimit(events));
    return events.length;
  }

  /** The page before the first loaded line, prepended; answers how many lines it added. */
  async older(signal?: AbortSignal): Promise<number> {
    if (!this.hasOlder) return 0;
    const token = this.backwardToken;
    const page = await this.fetch({ nextToken: token, limit: this.pageSize }, signal);
    const events = page.events ?? [];
    // At the head of the stream the service answers no events and the token it was given; a page
    // cut short by neither the count nor the size reached it too.
    if (events.length === 0 || page.nextBackwardToken === token || (events.length < this.pageSize && !nearSizeLimit(events))) this.reachedStart = true;
    this.backwardToken = page.nextBackwardToken ?? token;
    const lines = events.flatMap(messageLines);
    prepend(this.lines, lines);
    return lines.length;
  }

  /** Events written since the last loaded one, appended; answers how many lines it added. */
  async newer(signal?: AbortSignal, maxPages = 10): Promise<number> {
    if (!this.loadedFirst) return this.first(signal);
    let added = 0;
    for (let i = 0; i < maxPages; i++) {
      const token = this.forwardToken;
      const page = await this.fetch({ nextToken: token, limit: this.pageSize }, signal);
      const events = page.events ?? [];
      this.forwardToken = page.nextForwardToken ?? token;
      const lines = events.flatMap(messageLines);
      append(this.lines, lines);
      added += lines.length;
      // A short page, or the token handed back unchanged, is the end of the stream for now.
      if (events.length < this.pageSize || page.nextForwardToken === token) break;
    }
    return added;
  }
}

// push(...lines) and unshift(...lines) pass every line as an argument: a page of short multi-line
// events can exceed the engine's argument limit (RangeError). These change the array in place.
function append(target: string[], lines: readonly string[]): void {
  for (const line of lines) target.push(line);
}

function prepend(target: string[], lines: readonly string[]): void {
  const before = target.length;
  target.length = before + lines.length;
  target.copyWithin(lines.length, 0, before);
  for (let i = 0; i < lines.length; i++) target[i] = lines[i];
}

/** An event's message as lines: one event may hold a multi-line traceback. */
function messageLines(event: LogEventLike): string[] {
  const text = (event.message ?? '').replace(/\r?\n$/, '');
  return text.split(/\r?\n/);
}

function nearSizeLimit(events: LogEventLike[]): boolean {
  let bytes = 0;
  for (const e of events) bytes += (e.message?.length ?? 0) * 3 + EVENT_OVERHEAD;
  // Counted as if every character were 3 bytes: a page that could have hit the cap is not trusted as the whole stream.
  return bytes >= RESPONSE_BYTES;
}

/** The text of a task log document: a header, a note when older lines are not loaded, the lines, a note while following. */
export function renderLogDocument(doc: { header: string[]; lines: readonly string[]; hasOlder: boolean; following: boolean; footer?: string }): string {
  const out = doc.header.map((h) => `# ${h}`);
  if (doc.hasOlder) out.push(`# ↑ Older lines are not loaded yet: scroll to the top, or run "AWS Workflows: Load Older Log Lines".`);
  out.push(...doc.lines);
  if (doc.following) out.push('# … following: new lines appear as the task writes them.');
  if (doc.footer) out.push(`# ${doc.footer}`);
  return `${out.join('\n')}\n`;
}

/** How many header lines come before the log's own lines (so the view can keep its place). */
export function headerLineCount(headerLines: number, hasOlder: boolean): number {
  return headerLines + (hasOlder ? 1 : 0);
}
