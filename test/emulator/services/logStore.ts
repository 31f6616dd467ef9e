// CloudWatch Logs' stored groups, streams and events, which the emulated services write to and
// services/logs.ts reads (kept apart so writers do not import the Logs API).
import type { RequestContext } from './context';

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

export interface LogStream {
  name: string;
  createdAt: number;
  /** In time order. */
  events: LogEvent[];
}

export interface LogGroup {
  name: string;
  createdAt: number;
  streams: Record<string, LogStream>;
}

export interface LogsState {
  groups: Record<string, LogGroup>;
}

export function logsState(ctx: Pick<RequestContext, 'store' | 'region'>): LogsState {
  return (ctx.store.region(ctx.region).logs ??= { groups: {} });
}

/** The stream, creating it and its group if needed (services write with their own role). */
export function ensureLogStream(ctx: Pick<RequestContext, 'store' | 'region'>, groupName: string, streamName: string, now: number): LogStream {
  const groups = logsState(ctx).groups;
  const group = (groups[groupName] ??= { name: groupName, createdAt: now, streams: {} });
  return (group.streams[streamName] ??= { name: streamName, createdAt: now, events: [] });
}
