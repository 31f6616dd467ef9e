// What each Amazon States Language field does, where it may appear, in which query language, and its
// limits: the hover text. Facts from ../shared/reference/asl-facts.md (the States Language spec and
// the Step Functions Developer Guide); intrinsic signatures come from src/core/asl/intrinsics.ts.

export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';
export type QueryLanguage = 'JSONPath' | 'JSONata';

export const STATE_TYPES: readonly StateType[] = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];
export const QUERY_LANGUAGES: readonly QueryLanguage[] = ['JSONPath', 'JSONata'];

/** Where a field sits: the object kinds of a state machine definition. */
export type AslContext =
  | 'machine' | 'processor' | 'branch' | 'state' | 'retrier' | 'catcher' | 'choiceRule'
  | 'processorConfig' | 'itemReader' | 'readerConfig' | 'itemBatcher' | 'resultWriter' | 'writerConfig';

export interface AslFieldDoc {
  summary: string;
  /** Only in states using this query language (absent: both). */
  language?: QueryLanguage;
  /** State types that carry the field (state context only; absent: every type). */
  states?: readonly StateType[];
  limits?: string;
  values?: readonly string[];
  /** The value names a state (completion offers state names of the same scope). */
  namesState?: boolean;
  deprecated?: string;
}

const PATH_STATES: readonly StateType[] = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Parallel', 'Map'];
const TRANSITION_STATES: readonly StateType[] = ['Task', 'Pass', 'Wait', 'Parallel', 'Map'];
const RESULT_STATES: readonly StateType[] = ['Task', 'Parallel', 'Map'];

const COMMENT: AslFieldDoc = { summary: 'A human-readable description. Never evaluated (a `{% %}` here is plain text).' };

const ROOT_COMMON: Record<string, AslFieldDoc> = {
  StartAt: { summary: 'The name of the state to run first. It must name a state in this `States` object (case-sensitive).', namesState: true },
  States: { summary: 'The states, keyed by name. State names are 1–80 characters and unique across the whole state machine, nested scopes included.' },
  Comment: COMMENT,
};

export const ASL_FIELDS: Record<AslContext, Record<string, AslFieldDoc>> = {
  machine: {
    ...ROOT_COMMON,
    Version: { summary: 'The States Language version.', values: ['1.0'], limits: 'Only `"1.0"` exists (the default).' },
    TimeoutSeconds: { summary: 'Maximum run time of an execution, in seconds; it fails with `States.Timeout` when exceeded.', limits: 'A positive integer.' },
    QueryLanguage: { summary: 'The query language of every state that does not set its own: `JSONPath` (the default) or `JSONata`. In a JSONata state machine no state may switch back to JSONPath.', values: QUERY_LANGUAGES },
  },
  processor: {
    ...ROOT_COMMON,
    ProcessorConfig: { summary: 'How the Map runs its iterations: `Mode` INLINE (the default) or DISTRIBUTED (child executions), and `ExecutionType` for distributed maps.' },
  },
  branch: { ...ROOT_COMMON },
  state: {
    Type: { summary: 'The state type.', values: STATE_TYPES },
    Comment: COMMENT,
    QueryLanguage: { summary: 'The query language of this state; without it, the top-level `QueryLanguage` (states inside a Map or Parallel do not inherit the Map’s or Parallel’s own setting). A JSONata state machine cannot have JSONPath states.', values: QUERY_LANGUAGES },
    Next: { summary: 'The state to run next, in the same `States` object. Exactly one of `Next` and `End: true`.', states: TRANSITION_STATES, namesState: true },
    End: { summary: 'Ends the execution (or the branch or iteration) after this state. Exactly one of `Next` and `End: true`.', states: TRANSITION_STATES, values: ['true'] },
    InputPath: { summary: 'Selects part of the state input as the effective input; `null` passes `{}`.', language: 'JSONPath', states: PATH_STATES, limits: 'A Path (`$…`, `$$.…` for the context object, or `$variable`).' },
    OutputPath: { summary: 'Selects part of the result as the state output; `null` passes `{}`.', language: 'JSONPath', states: PATH_STATES, limits: 'A Path.' },
    Parameters: { summary: 'A payload template that builds the effective input. Keys ending in `.$` take a Path or an intrinsic function call.', language: 'JSONPath', states: ['Task', 'Pass', 'Parallel', 'Map'], deprecated: 'On Map, prefer `ItemSelector`.' },
    ResultSelector: { summary: 'A payload template applied to the task result before `ResultPath`.', language: 'JSONPath', states: RESULT_STATES },
    ResultPath: { summary: 'Where the result goes in the state input; `null` discards the result and keeps the input.', language: 'JSONPath', states: ['Task', 'Pass', 'Parallel', 'Map'], limits: 'A Reference Path (one node; no `@ , : ?`); must not start with `$$` or name a variable.' },
    Result: { summary: 'The fixed output of a Pass state (goes through `ResultPath`).', language: 'JSONPath', states: ['Pass'] },
    Arguments: { summary: 'The input for the task or iterations: an object whose values may be JSONata expressions `{% … %}`, or one expression. Cannot use `$states.result` or `$states.errorOutput`.', language: 'JSONata', states: ['Task', 'Parallel'] },
    Output: { summary: 'The state output: any JSON value; strings `{% … %}` are JSONata expressions. `$states.result` is available on Task, Parallel and Map.', language: 'JSONata', states: PATH_STATES },
    Assign: { summary: 'Variables to set, visible from the next state. Names up to 80 characters, not `states`; inner scopes (branches, iterations) may read outer variables but not assign them.', states: ['Task', 'Pass', 'Choice', 'Wait', 'Parallel', 'Map'] },
    Resource: { summary: 'What the Task runs: a Lambda function or activity ARN, an optimized integration (`arn:aws:states:::lambda:invoke`, optional `.sync`, `.sync:2`, `.waitForTaskToken`) or an SDK integration (`arn:aws:states:::aws-sdk:service:apiAction`). Never JSONata.', states: ['Task'], limits: 'Express workflows allow request-response integrations only; SDK integrations have no `.sync`.' },
    TimeoutSeconds: { summary: 'Task timeout in seconds; the task fails with `States.Timeout`.', states: ['Task'], limits: 'A positive integer (JSONata: or an expression). Not together with `TimeoutSecondsPath`.' },
    HeartbeatSeconds: { summary: 'Maximum seconds between heartbeats from the task; the task fails with `States.HeartbeatTimeout`.', states: ['Task'], limits: 'A positive integer smaller than `TimeoutSeconds`. Not together with `HeartbeatSecondsPath`.' },
    TimeoutSecondsPath: { summary: 'Reads the task timeout from the input.', language: 'JSONPath', states: ['Task'], limits: 'A Reference Path.' },
    HeartbeatSecondsPath: { summary: 'Reads the heartbeat interval from the input.', language: 'JSONPath', states: ['Task'], limits: 'A Reference Path.' },
    Credentials: { summary: 'The IAM role the task assumes: `{"RoleArn": …}` (JSONPath: also `"RoleArn.$"`).', states: ['Task'] },
    Retry: { summary: 'Retriers, tried in order when the state fails. `States.ALL` must be alone in its `ErrorEquals` and in the last retrier.', states: RESULT_STATES },
    Catch: { summary: 'Catchers, tried in order after retries are exhausted; each names the `Next` state. `States.ALL` must be alone and last.', states: RESULT_STATES },
    Choices: { summary: 'Choice rules, evaluated in order; the first that matches names the next state. JSONPath rules test a `Variable` with exactly one comparison operator (or `And`/`Or`/`Not`); JSONata rules have a `Condition`.', states: ['Choice'], limits: 'A non-empty array.' },
    Default: { summary: 'The state to run when no choice rule matches; without it, the execution fails with `States.NoChoiceMatched`.', states: ['Choice'], namesState: true },
    Seconds: { summary: 'How long to wait, in seconds.', states: ['Wait'], limits: 'A non-negative integer (JSONata: or an expression). Exactly one of `Seconds`, `Timestamp`, `SecondsPath`, `TimestampPath`.' },
    Timestamp: { summary: 'Wait until this time.', states: ['Wait'], limits: 'RFC 3339 with an uppercase `T` and `Z` or an offset, e.g. `2026-01-01T00:00:00Z`.' },
    SecondsPath: { summary: 'Reads the wait in seconds from the input.', language: 'JSONPath', states: ['Wait'], limits: 'A Reference Path.' },
    TimestampPath: { summary: 'Reads the wait-until timestamp from the input.', language: 'JSONPath', states: ['Wait'], limits: 'A Reference Path.' },
    Error: { summary: 'The error name the Fail state reports.', states: ['Fail'], limits: 'Not together with `ErrorPath`.' },
    Cause: { summary: 'A human-readable cause the Fail state reports.', states: ['Fail'], limits: 'Not together with `CausePath`.' },
    ErrorPath: { summary: 'Reads the error name from the input, or computes it with a string-returning intrinsic (`States.Format`, `States.UUID()`, …).', language: 'JSONPath', states: ['Fail'] },
    CausePath: { summary: 'Reads the cause from the input, or computes it with a string-returning intrinsic.', language: 'JSONPath', states: ['Fail'] },
    Branches: { summary: 'The branches run in parallel, each `{StartAt, States}` with its own scope: no transitions into or out of a branch.', states: ['Parallel'], limits: 'At least one branch.' },
    ItemProcessor: { summary: 'The states run for each item: `{StartAt, States, ProcessorConfig}`. Its own scope; `QueryLanguage` is not allowed on it.', states: ['Map'] },
    Iterator: { summary: 'The states run for each item (older name of `ItemProcessor`).', states: ['Map'], deprecated: 'Use `ItemProcessor`.' },
    ItemsPath: { summary: 'Where the items array is in the input (default `$`). `$$.` context paths are allowed.', language: 'JSONPath', states: ['Map'], limits: 'A Reference Path; not `null`.' },
    Items: { summary: 'The items to iterate: an array or a JSONata expression.', language: 'JSONata', states: ['Map'] },
    ItemSelector: { summary: 'Builds each iteration’s input from the item (`$$.Map.Item.Value`, or `$states.context.Map.Item.Value` in JSONata).', states: ['Map'], limits: 'Not together with `Parameters`.' },
    ItemReader: { summary: 'Reads the items from Amazon S3 (distributed map): `Resource` `arn:aws:states:::s3:getObject` or `…:s3:listObjectsV2`, its `Parameters`/`Arguments`, and `ReaderConfig`.', states: ['Map'] },
    ItemBatcher: { summary: 'Groups items into batches for each child execution (distributed map).', states: ['Map'], limits: 'At least one of `MaxItemsPerBatch`, `MaxInputBytesPerBatch` (or their `…Path` forms).' },
    ResultWriter: { summary: 'Writes the results to Amazon S3 (`arn:aws:states:::s3:putObject`) and/or shapes them with `WriterConfig`.', states: ['Map'] },
    MaxConcurrency: { summary: 'How many iterations run at once; 0 means no limit.', states: ['Map'], limits: 'A non-negative integer (JSONata: or an expression). Not together with `MaxConcurrencyPath`.' },
    MaxConcurrencyPath: { summary: 'Reads the concurrency limit from the input.', language: 'JSONPath', states: ['Map'], limits: 'A Reference Path (no `$$.`).' },
    ToleratedFailurePercentage: { summary: 'The share of failed items the distributed map tolerates before failing.', states: ['Map'], limits: 'A number from 0 to 100; decimals allowed.' },
    ToleratedFailureCount: { summary: 'How many failed items the distributed map tolerates before failing.', states: ['Map'], limits: 'A non-negative integer.' },
    ToleratedFailurePercentagePath: { summary: 'Reads the tolerated failure percentage from the input.', language: 'JSONPath', states: ['Map'], limits: 'A Reference Path (no `$$.`).' },
    ToleratedFailureCountPath: { summary: 'Reads the tolerated failure count from the input.', language: 'JSONPath', states: ['Map'], limits: 'A Reference Path (no `$$.`).' },
    Label: { summary: 'A label for the distributed map’s child executions and Map Run.', states: ['Map'], limits: 'Up to 40 characters; no whitespace and none of ``? * < > { } [ ] : ; , | ^ ~ $ # % & ` "`` or control characters.' },
  },
  retrier: {
    ErrorEquals: { summary: 'Error names this retrier handles (`States.ALL`, `States.Timeout`, `States.TaskFailed`, `Lambda.ServiceException`, …).', limits: 'A non-empty array; `States.ALL` alone and only in the last retrier.' },
    IntervalSeconds: { summary: 'Seconds before the first retry.', limits: 'A positive integer; default 1.' },
    MaxAttempts: { summary: 'Maximum number of retries; 0 never retries.', limits: 'A non-negative integer; default 3.' },
    BackoffRate: { summary: 'The multiplier of the retry interval after each attempt.', limits: 'A number ≥ 1.0; default 2.0.' },
    MaxDelaySeconds: { summary: 'The upper bound of the retry interval.', limits: 'A positive integer, at most 31622400 (one year).' },
    JitterStrategy: { summary: '`FULL` randomizes each retry interval between 0 and the computed delay; `NONE` (the default) does not.', values: ['FULL', 'NONE'] },
    Comment: COMMENT,
  },
  catcher: {
    ErrorEquals: { summary: 'Error names this catcher handles.', limits: 'A non-empty array; `States.ALL` alone and only in the last catcher.' },
    Next: { summary: 'The state to run when this catcher matches, in the same `States` object.', namesState: true },
    ResultPath: { summary: 'Where the error output goes in the state input (default `$`, replacing it).', language: 'JSONPath', limits: 'A Reference Path or `null`.' },
    Output: { summary: 'The output after the catch: a JSONata template; `$states.errorOutput` holds the error.', language: 'JSONata' },
    Assign: { summary: 'Variables to set when this catcher matches; `$states.errorOutput` holds the error.' },
    Comment: COMMENT,
  },
  choiceRule: {
    Next: { summary: 'The state to run when this rule matches (top-level rules only).', namesState: true },
    Variable: { summary: 'The Path to compare (`$.…`, `$$.…` or `$variable`); use it with exactly one comparison operator.', language: 'JSONPath' },
    Condition: { summary: 'A JSONata boolean expression `{% … %}` (or `true`/`false`).', language: 'JSONata' },
    And: { summary: 'Matches when every nested rule matches. Nested rules have no `Next`.', language: 'JSONPath', limits: 'A non-empty array of rules.' },
    Or: { summary: 'Matches when any nested rule matches. Nested rules have no `Next`.', language: 'JSONPath', limits: 'A non-empty array of rules.' },
    Not: { summary: 'Matches when its one nested rule does not.', language: 'JSONPath' },
    Assign: { summary: 'Variables to set when this rule matches.' },
    Output: { summary: 'The Choice state output when this rule matches.', language: 'JSONata' },
    Comment: COMMENT,
  },
  processorConfig: {
    Mode: { summary: '`INLINE` (the default) runs the iterations inside this execution; `DISTRIBUTED` runs them as child executions and enables `ItemReader`, `ItemBatcher` and `ResultWriter`.', values: ['INLINE', 'DISTRIBUTED'] },
    ExecutionType: { summary: 'The workflow type of a distributed map’s child executions.', values: ['STANDARD', 'EXPRESS'] },
  },
  itemReader: {
    Resource: { summary: 'Where the items come from.', values: ['arn:aws:states:::s3:getObject', 'arn:aws:states:::s3:listObjectsV2'] },
    Parameters: { summary: 'The S3 call’s parameters (`Bucket`, `Key` or `Prefix`).', language: 'JSONPath' },
    Arguments: { summary: 'The S3 call’s arguments (`Bucket`, `Key` or `Prefix`), or one JSONata expression.', language: 'JSONata' },
    ReaderConfig: { summary: 'How to read the object: `InputType`, CSV header and delimiter, `MaxItems`.' },
  },
  readerConfig: {
    InputType: { summary: 'The format of the S3 object.', values: ['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST'] },
    CSVHeaderLocation: { summary: '`FIRST_ROW` reads column names from the file; `GIVEN` takes them from `CSVHeaders`.', values: ['FIRST_ROW', 'GIVEN'] },
    CSVHeaders: { summary: 'Column names when `CSVHeaderLocation` is `GIVEN`.' },
    CSVDelimiter: { summary: 'The CSV field delimiter.', values: ['COMMA', 'PIPE', 'SEMICOLON', 'TAB', 'SPACE'] },
    MaxItems: { summary: 'Read at most this many items.', limits: 'A positive integer up to 100,000,000 (JSONata: or an expression).' },
    MaxItemsPath: { summary: 'Reads the item limit from the input.', language: 'JSONPath', limits: 'A Reference Path.' },
  },
  itemBatcher: {
    MaxItemsPerBatch: { summary: 'Maximum items per batch.', limits: 'A positive integer.' },
    MaxInputBytesPerBatch: { summary: 'Maximum batch size in bytes.', limits: 'A positive integer, at most 262,144 (256 KiB).' },
    MaxItemsPerBatchPath: { summary: 'Reads the batch item limit from the input.', language: 'JSONPath', limits: 'A Reference Path.' },
    MaxInputBytesPerBatchPath: { summary: 'Reads the batch byte limit from the input.', language: 'JSONPath', limits: 'A Reference Path.' },
    BatchInput: { summary: 'A fixed JSON object added to every batch (as `BatchInput`).' },
  },
  resultWriter: {
    Resource: { summary: 'Where results are written.', values: ['arn:aws:states:::s3:putObject'] },
    Parameters: { summary: 'The S3 destination (`Bucket`, `Prefix`).', language: 'JSONPath' },
    Arguments: { summary: 'The S3 destination (`Bucket`, `Prefix`).', language: 'JSONata' },
    WriterConfig: { summary: 'The results’ format: `OutputType` and `Transformation`.' },
  },
  writerConfig: {
    OutputType: { summary: 'The format of the written results.', values: ['JSON', 'JSONL'] },
    Transformation: { summary: 'How the results are transformed before they are written.', values: ['NONE', 'FLATTEN', 'COMPACT'] },
  },
};
