// Execution history as the service reports it: event types and detail member names are the
// Step Functions model's (HistoryEventType, HistoryEvent); each event links to the previous
// event of its own branch or iteration.
import type { Json } from './jsonpath';

export type HistoryEventType =
  | 'ActivityFailed' | 'ActivityScheduled' | 'ActivityScheduleFailed' | 'ActivityStarted' | 'ActivitySucceeded' | 'ActivityTimedOut'
  | 'ChoiceStateEntered' | 'ChoiceStateExited'
  | 'ExecutionAborted' | 'ExecutionFailed' | 'ExecutionStarted' | 'ExecutionSucceeded' | 'ExecutionTimedOut' | 'ExecutionRedriven'
  | 'FailStateEntered'
  | 'LambdaFunctionFailed' | 'LambdaFunctionScheduled' | 'LambdaFunctionScheduleFailed' | 'LambdaFunctionStarted' | 'LambdaFunctionStartFailed' | 'LambdaFunctionSucceeded' | 'LambdaFunctionTimedOut'
  | 'MapIterationAborted' | 'MapIterationFailed' | 'MapIterationStarted' | 'MapIterationSucceeded'
  | 'MapStateAborted' | 'MapStateEntered' | 'MapStateExited' | 'MapStateFailed' | 'MapStateStarted' | 'MapStateSucceeded'
  | 'ParallelStateAborted' | 'ParallelStateEntered' | 'ParallelStateExited' | 'ParallelStateFailed' | 'ParallelStateStarted' | 'ParallelStateSucceeded'
  | 'PassStateEntered' | 'PassStateExited' | 'SucceedStateEntered' | 'SucceedStateExited'
  | 'TaskFailed' | 'TaskScheduled' | 'TaskStarted' | 'TaskStartFailed' | 'TaskStateAborted' | 'TaskStateEntered' | 'TaskStateExited'
  | 'TaskSubmitFailed' | 'TaskSubmitted' | 'TaskSucceeded' | 'TaskTimedOut'
  | 'WaitStateAborted' | 'WaitStateEntered' | 'WaitStateExited'
  | 'MapRunAborted' | 'MapRunFailed' | 'MapRunStarted' | 'MapRunSucceeded' | 'MapRunRedriven'
  | 'EvaluationFailed';

export interface HistoryEvent {
  timestamp: string;
  type: HistoryEventType;
  id: number;
  previousEventId?: number;
  [details: string]: unknown;
}

/** The HistoryEvent member that carries a type's details (undefined: the type has none). */
export function detailsMember(type: HistoryEventType): string | undefined {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  if (/^(Parallel|Map)State(Succeeded|Failed|Aborted)$/.test(type) || type === 'ParallelStateStarted' || type === 'TaskStateAborted' || type === 'WaitStateAborted' || type === 'MapRunSucceeded' || type === 'MapRunAborted') return undefined;
  return `${type[0].toLowerCase()}${type.slice(1)}EventDetails`;
}

/** Members that carry execution data, left out when a caller asks without includeExecutionData. */
const DATA_MEMBERS = ['input', 'output', 'assignedVariables'];

export function withoutExecutionData(event: HistoryEvent): HistoryEvent {
  const member = detailsMember(event.type);
  const details = member ? (event[member] as Record<string, unknown> | undefined) : undefined;
  if (!member || !details || !DATA_MEMBERS.some((k) => k in details)) return event;
  const stripped = { ...details };
  for (const k of DATA_MEMBERS) delete stripped[k];
  return { ...event, [member]: stripped };
}

/** A place events go: an execution's history, shared by all its branches. */
export interface EventLog {
  events: HistoryEvent[];
}

/** One line of events (the execution, a Parallel branch, a Map iteration): tracks previousEventId. */
export class EventThread {
  constructor(
    readonly log: EventLog,
    public lastId: number,
  ) {}

  add(type: HistoryEventType, details?: Record<string, unknown>): number {
    const id = this.log.events.length + 1;
    const event: HistoryEvent = { timestamp: new Date().toISOString(), type, id, previousEventId: this.lastId };
    const member = detailsMember(type);
    if (member && details) event[member] = details;
    this.log.events.push(event);
    this.lastId = id;
    return id;
  }

  fork(): EventThread {
    return new EventThread(this.log, this.lastId);
  }
}

/** `{truncated: false}` for every data member the service marks. */
export const notTruncated = { truncated: false };

export const jsonText = (value: Json): string => JSON.stringify(value);
