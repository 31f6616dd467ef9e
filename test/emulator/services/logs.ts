// Amazon CloudWatch Logs (awsJson1_1, X-Amz-Target Logs_20140328.<Op>): log groups and streams
// with their events, read the way the service pages them. GetLogEvents: without a token the last
// `limit` events (or the first, with startFromHead), then nextForwardToken/nextBackwardToken that
// point after and before the page, each handed back unchanged at its end of the stream.
// FilterLogEvents: events of a group across streams in time order, paged by an opaque nextToken
// that is absent after the last page. MWAA Serverless runs write their task logs here.
import { ServiceError, type ConstraintViolation } from '../protocol/errors';
import { paginate } from '../protocol/paging';
import { coralValidationMessage } from '../protocol/validate';
import { ACCOUNT_ID, deniedMessage, type JsonService, type RequestContext } from './context';
import { logsState, type LogEvent, type LogGroup, type LogStream } from './logStore';
import { writeServerlessRunLogs } from './mwaaServerless';

/** The service's default page: 10,000 events, or 1 MB counting 26 bytes of overhead per event. */
const MAX_EVENTS = 10_000;
const MAX_BYTES = 1_048_576;
const EVENT_OVERHEAD = 26;

function invalid(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message, 400);
}

function notFound(message: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', message, 400);
}

function groupArn(region: string, name: string): string {
  return `arn:aws:logs:${region}:${ACCOUNT_ID}:log-group:${name}`;
}

/** logGroupName or logGroupIdentifier (a name or an ARN), exactly one of them. */
function findGroup(ctx: RequestContext, input: { logGroupName?: string; logGroupIdentifier?: string }): LogGroup {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
    throw invalid('LogGroupName and LogGroupIdentifier are mutually exclusive parameters.');
  }
  let name = input.logGroupName ?? input.logGroupIdentifier;
  if (name === undefined) throw invalid('Either LogGroupName or LogGroupIdentifier must be specified.');
  const arn = /^arn:aws[a-z-]*:logs:[^:]*:[^:]*:log-group:(.+?)(?::\*)?$/.exec(name);
  if (arn) name = arn[1];
  const group = logsState(ctx).groups[name];
  if (!group) throw notFound('The specified log group does not exist.');
  return group;
}

function inRange(e: LogEvent, startTime: number | undefined, endTime: number | undefined): boolean {
  return (startTime === undefined || e.timestamp >= startTime) && (endTime === undefined || e.timestamp < endTime);
}

// GetLogEvents tokens name a position in the stream: f/<n>/s is "from event n on", b/<n>/s "before event n".
const TOKEN_DIGITS = 56;

function positionToken(direction: 'f' | 'b', position: number): string {
  return `${direction}/${String(position).padStart(TOKEN_DIGITS, '0')}/s`;
}

function parsePositionToken(token: string, length: number): { direction: 'f' | 'b'; position: number } {
  const m = /^([fb])\/(\d{56})\/s$/.exec(token);
  const position = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(position) || position > length) throw invalidToken();
  return { direction: m[1] as 'f' | 'b', position };
}

/** How many events from `from` on (forward) or before `to` (backward) fit in one response. */
function fits(events: LogEvent[], indices: number[], limit: number): number {
  let bytes = 0;
  let n = 0;
  for (const i of indices) {
    bytes += Buffer.byteLength(events[i].message, 'utf8') + EVENT_OVERHEAD;
    if (n >= limit || (n > 0 && bytes > MAX_BYTES)) break;
    n++;
  }
  return n;
}

interface GetLogEventsInput {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamName: string;
  startTime?: number;
  endTime?: number;
  nextToken?: string;
  limit?: number;
  startFromHead?: boolean;
}

export function getLogEvents(input: GetLogEventsInput, ctx: RequestContext) {
  const group = findGroup(ctx, input);
  const stream = group.streams[input.logStreamName];
  if (!stream) throw notFound('The specified log stream does not exist.');
  const { events } = stream;
  const limit = input.limit ?? MAX_EVENTS;
  const token = input.nextToken === undefined ? undefined : parsePositionToken(input.nextToken, events.length);
  const forward = token ? token.direction === 'f' : input.startFromHead === true;
  const matches = (i: number) => inRange(events[i], input.startTime, input.endTime);
  let page: number[];
  if (forward) {
    const from = token?.position ?? 0;
    const candidates: number[] = [];
    for (let i = from; i < events.length && candidates.length <= limit; i++) if (matches(i)) candidates.push(i);
    page = candidates.slice(0, fits(events, candidates, limit));
    // The forward token points after the page; at the end of the stream it is the token passed in.
    const after = page.length ? page[page.length - 1] + 1 : from;
    const before = page.length ? page[0] : from;
    return {
      events: page.map((i) => events[i]),
      nextForwardToken: page.length === 0 && input.nextToken ? input.nextToken : positionToken('f', after),
      nextBackwardToken: positionToken('b', before),
    };
  }
  const to = token?.position ?? events.length;
  const candidates: number[] = [];
  for (let i = to - 1; i >= 0 && candidates.length <= limit; i--) if (matches(i)) candidates.push(i);
  page = candidates.slice(0, fits(events, candidates, limit)).reverse();
  const before = page.length ? page[0] : to;
  const after = page.length ? page[page.length - 1] + 1 : to;
  return {
    events: page.map((i) => events[i]),
    nextForwardToken: positionToken('f', after),
    // The backward token points before the page; at the start of the stream it is the token passed in.
    nextBackwardToken: page.length === 0 && input.nextToken ? input.nextToken : positionToken('b', before),
  };
}

/**
 * A filter pattern's plain terms: every term (or "quoted phrase") must occur in the message, as the
 * service matches unstructured events. JSON and space-delimited patterns are not emulated.
 */
function termMatcher(pattern: string | undefined): (message: string) => boolean {
  const text = pattern?.trim() ?? '';
  if (!text) return () => true;
  if (/^\{|^\[/.test(text)) throw invalid('The emulator matches plain terms and quoted phrases only, not JSON or space-delimited filter patterns.');
  const terms = [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
  return (message) => terms.every((t) => message.includes(t));
}

interface FilterLogEventsInput {
  logGroupName?: string;
  logGroupIdentifier?: string;
  logStreamNames?: string[];
  logStreamNamePrefix?: string;
  startTime?: number;
  endTime?: number;
  filterPattern?: string;
  nextToken?: string;
  limit?: number;
}

export function filterLogEvents(input: FilterLogEventsInput, ctx: RequestContext) {
  const group = findGroup(ctx, input);
  if (input.logStreamNames && input.logStreamNamePrefix !== undefined) {
    throw invalid('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  }
  const streams = Object.values(group.streams).filter((s) => (input.logStreamNames ? input.logStreamNames.includes(s.name) : input.logStreamNamePrefix === undefined || s.name.startsWith(input.logStreamNamePrefix)));
  if (input.logStreamNames?.length && streams.length === 0) throw notFound('The specified log stream does not exist.');
  const match = termMatcher(input.filterPattern);
  const found: { stream: string; index: number; event: LogEvent }[] = [];
  for (const s of streams) s.events.forEach((event, index) => inRange(event, input.startTime, input.endTime) && match(event.message) && found.push({ stream: s.name, index, event }));
  found.sort((a, b) => a.event.timestamp - b.event.timestamp || a.stream.localeCompare(b.stream) || a.index - b.index);
  const scope = `logs:FilterLogEvents:${ctx.region}:${group.name}:${JSON.stringify([input.logStreamNames, input.logStreamNamePrefix, input.startTime, input.endTime, input.filterPattern])}`;
  const limit = input.limit ?? MAX_EVENTS;
  const page = paginate(found, { maxResults: limit, nextToken: input.nextToken }, limit, scope, invalidToken);
  return {
    events: page.items.map((f) => ({ logStreamName: f.stream, timestamp: f.event.timestamp, message: f.event.message, ingestionTime: f.event.ingestionTime, eventId: `${String(f.event.timestamp).padStart(20, '0')}${String(f.index).padStart(20, '0')}` })),
    searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: page.nextToken === undefined })),
    nextToken: page.nextToken,
  };
}

function streamSummary(s: LogStream, region: string, group: string) {
  const first = s.events[0];
  const last = s.events.at(-1);
  return {
    logStreamName: s.name,
    creationTime: s.createdAt,
    firstEventTimestamp: first?.timestamp,
    lastEventTimestamp: last?.timestamp,
    lastIngestionTime: last?.ingestionTime,
    arn: `${groupArn(region, group)}:log-stream:${s.name}`,
    storedBytes: 0,
  };
}

const invalidToken = () => invalid('The specified nextToken is invalid.');

export const logs: JsonService = {
  name: 'logs',
  modelId: 'logs',
  pathStyle: 'coral',
  validationError: (violations: ConstraintViolation[]) => new ServiceError('InvalidParameterException', coralValidationMessage(violations), 400),
  faults: {
    internal: () => new ServiceError('ServiceUnavailableException', 'The service cannot complete the request.', 500),
    throttle: () => new ServiceError('ThrottlingException', 'Rate exceeded', 400),
    accessDenied: (op, region) => new ServiceError('AccessDeniedException', deniedMessage('logs', op, region), 400),
  },
  // Every read first lets the emulated services write the lines their clock has reached.
  operations: {
    GetLogEvents(input: GetLogEventsInput, ctx) {
      writeServerlessRunLogs(ctx);
      return getLogEvents(input, ctx);
    },
    FilterLogEvents(input: FilterLogEventsInput, ctx) {
      writeServerlessRunLogs(ctx);
      return filterLogEvents(input, ctx);
    },
    DescribeLogGroups(input: { logGroupNamePrefix?: string; limit?: number; nextToken?: string }, ctx) {
      const all = Object.values(logsState(ctx).groups)
        .filter((g) => input.logGroupNamePrefix === undefined || g.name.startsWith(input.logGroupNamePrefix))
        .sort((a, b) => a.name.localeCompare(b.name));
      const page = paginate(all, { maxResults: input.limit ?? 50, nextToken: input.nextToken }, 50, `logs:DescribeLogGroups:${ctx.region}:${input.logGroupNamePrefix ?? ''}`, invalidToken);
      return {
        logGroups: page.items.map((g) => ({ logGroupName: g.name, creationTime: g.createdAt, arn: `${groupArn(ctx.region, g.name)}:*`, logGroupArn: groupArn(ctx.region, g.name), storedBytes: 0 })),
        nextToken: page.nextToken,
      };
    },
    DescribeLogStreams(input: { logGroupName?: string; logGroupIdentifier?: string; logStreamNamePrefix?: string; descending?: boolean; limit?: number; nextToken?: string }, ctx) {
      writeServerlessRunLogs(ctx);
      const group = findGroup(ctx, input);
      const all = Object.values(group.streams)
        .filter((s) => input.logStreamNamePrefix === undefined || s.name.startsWith(input.logStreamNamePrefix))
        .sort((a, b) => a.name.localeCompare(b.name));
      if (input.descending) all.reverse();
      const page = paginate(all, { maxResults: input.limit ?? 50, nextToken: input.nextToken }, 50, `logs:DescribeLogStreams:${ctx.region}:${group.name}:${input.logStreamNamePrefix ?? ''}:${input.descending ?? false}`, invalidToken);
      return { logStreams: page.items.map((s) => streamSummary(s, ctx.region, group.name)), nextToken: page.nextToken };
    },
    CreateLogGroup(input: { logGroupName: string }, ctx) {
      const groups = logsState(ctx).groups;
      if (groups[input.logGroupName]) throw new ServiceError('ResourceAlreadyExistsException', 'The specified log group already exists', 400);
      groups[input.logGroupName] = { name: input.logGroupName, createdAt: Date.parse(ctx.now), streams: {} };
      return {};
    },
    CreateLogStream(input: { logGroupName: string; logStreamName: string }, ctx) {
      const group = findGroup(ctx, { logGroupName: input.logGroupName });
      if (group.streams[input.logStreamName]) throw new ServiceError('ResourceAlreadyExistsException', 'The specified log stream already exists', 400);
      group.streams[input.logStreamName] = { name: input.logStreamName, createdAt: Date.parse(ctx.now), events: [] };
      return {};
    },
    PutLogEvents(input: { logGroupName: string; logStreamName: string; logEvents: { timestamp: number; message: string }[] }, ctx) {
      const group = findGroup(ctx, { logGroupName: input.logGroupName });
      const stream = group.streams[input.logStreamName];
      if (!stream) throw notFound('The specified log stream does not exist.');
      for (let i = 1; i < input.logEvents.length; i++) {
        if (input.logEvents[i].timestamp < input.logEvents[i - 1].timestamp) throw invalid('Log events in a single PutLogEvents request must be in chronological order.');
      }
      const ingestionTime = Date.parse(ctx.now);
      stream.events.push(...input.logEvents.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime })));
      // Events arrive in order per request; a stream keeps time order across requests too.
      stream.events.sort((a, b) => a.timestamp - b.timestamp);
      return { nextSequenceToken: undefined };
    },
  },
};
