// Which fields each state type carries, and in which query language (asl-facts §2 table).
// P = JSONPath only, A = JSONata only, B = both.

export type QueryLanguage = 'JSONPath' | 'JSONata';
export type FieldLanguage = 'P' | 'A' | 'B';
export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

export const STATE_TYPES: readonly StateType[] = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

const COMMON = { Type: 'B', Comment: 'B', QueryLanguage: 'B' } as const;

export const STATE_FIELDS: Readonly<Record<StateType, Readonly<Record<string, FieldLanguage>>>> = {
  Task: {
    ...COMMON, Next: 'B', End: 'B',
    InputPath: 'P', Parameters: 'P', ResultSelector: 'P', ResultPath: 'P', OutputPath: 'P',
    Arguments: 'A', Output: 'A', Assign: 'B',
    Resource: 'B', TimeoutSeconds: 'B', HeartbeatSeconds: 'B', TimeoutSecondsPath: 'P', HeartbeatSecondsPath: 'P',
    Credentials: 'B', Retry: 'B', Catch: 'B',
  },
  Pass: {
    ...COMMON, Next: 'B', End: 'B',
    InputPath: 'P', Parameters: 'P', Result: 'P', ResultPath: 'P', OutputPath: 'P', Output: 'A', Assign: 'B',
  },
  Choice: { ...COMMON, InputPath: 'P', OutputPath: 'P', Output: 'A', Assign: 'B', Choices: 'B', Default: 'B' },
  Wait: {
    ...COMMON, Next: 'B', End: 'B', InputPath: 'P', OutputPath: 'P', Output: 'A', Assign: 'B',
    Seconds: 'B', Timestamp: 'B', SecondsPath: 'P', TimestampPath: 'P',
  },
  Succeed: { ...COMMON, InputPath: 'P', OutputPath: 'P', Output: 'A' },
  Fail: { ...COMMON, Error: 'B', Cause: 'B', ErrorPath: 'P', CausePath: 'P' },
  Parallel: {
    ...COMMON, Next: 'B', End: 'B',
    InputPath: 'P', Parameters: 'P', ResultSelector: 'P', ResultPath: 'P', OutputPath: 'P',
    Arguments: 'A', Output: 'A', Assign: 'B', Branches: 'B', Retry: 'B', Catch: 'B',
  },
  Map: {
    ...COMMON, Next: 'B', End: 'B',
    InputPath: 'P', Parameters: 'P', ResultSelector: 'P', ResultPath: 'P', OutputPath: 'P', ItemsPath: 'P',
    Items: 'A', Output: 'A', Assign: 'B', ItemSelector: 'B',
    ItemProcessor: 'B', Iterator: 'B', ItemReader: 'B', ItemBatcher: 'B', ResultWriter: 'B',
    MaxConcurrency: 'B', MaxConcurrencyPath: 'P',
    ToleratedFailurePercentage: 'B', ToleratedFailurePercentagePath: 'P',
    ToleratedFailureCount: 'B', ToleratedFailureCountPath: 'P',
    Label: 'B', Retry: 'B', Catch: 'B',
  },
};

export const TOP_LEVEL_FIELDS: Readonly<Record<string, FieldLanguage>> = { StartAt: 'B', States: 'B', Comment: 'B', Version: 'B', TimeoutSeconds: 'B', QueryLanguage: 'B' };
export const BRANCH_FIELDS: Readonly<Record<string, FieldLanguage>> = { StartAt: 'B', States: 'B', Comment: 'B' };
export const PROCESSOR_FIELDS: Readonly<Record<string, FieldLanguage>> = { StartAt: 'B', States: 'B', Comment: 'B', ProcessorConfig: 'B' };
export const PROCESSOR_CONFIG_FIELDS: Readonly<Record<string, FieldLanguage>> = { Mode: 'B', ExecutionType: 'B' };
export const RETRIER_FIELDS: Readonly<Record<string, FieldLanguage>> = {
  ErrorEquals: 'B', IntervalSeconds: 'B', MaxAttempts: 'B', BackoffRate: 'B', MaxDelaySeconds: 'B', JitterStrategy: 'B', Comment: 'B',
};
export const CATCHER_FIELDS: Readonly<Record<string, FieldLanguage>> = { ErrorEquals: 'B', Next: 'B', ResultPath: 'P', Output: 'A', Assign: 'B', Comment: 'B' };
export const ITEM_READER_FIELDS: Readonly<Record<string, FieldLanguage>> = { Resource: 'B', Parameters: 'P', Arguments: 'A', ReaderConfig: 'B' };
export const READER_CONFIG_FIELDS: Readonly<Record<string, FieldLanguage>> = {
  InputType: 'B', CSVHeaderLocation: 'B', CSVHeaders: 'B', CSVDelimiter: 'B', MaxItems: 'B', MaxItemsPath: 'P',
};
export const RESULT_WRITER_FIELDS: Readonly<Record<string, FieldLanguage>> = { Resource: 'B', Parameters: 'P', Arguments: 'A', WriterConfig: 'B' };
export const WRITER_CONFIG_FIELDS: Readonly<Record<string, FieldLanguage>> = { OutputType: 'B', Transformation: 'B' };
export const ITEM_BATCHER_FIELDS: Readonly<Record<string, FieldLanguage>> = {
  MaxItemsPerBatch: 'B', MaxItemsPerBatchPath: 'P', MaxInputBytesPerBatch: 'B', MaxInputBytesPerBatchPath: 'P', BatchInput: 'B',
};
export const CHOICE_RULE_FIELDS_JSONATA: Readonly<Record<string, FieldLanguage>> = { Condition: 'A', Next: 'B', Assign: 'B', Output: 'A', Comment: 'B' };

export const COMPARISON_OPERATORS: Readonly<Record<string, 'string' | 'number' | 'boolean' | 'timestamp' | 'path' | 'pattern'>> = {
  StringEquals: 'string', StringLessThan: 'string', StringGreaterThan: 'string', StringLessThanEquals: 'string', StringGreaterThanEquals: 'string',
  StringMatches: 'pattern',
  NumericEquals: 'number', NumericLessThan: 'number', NumericGreaterThan: 'number', NumericLessThanEquals: 'number', NumericGreaterThanEquals: 'number',
  BooleanEquals: 'boolean',
  TimestampEquals: 'timestamp', TimestampLessThan: 'timestamp', TimestampGreaterThan: 'timestamp', TimestampLessThanEquals: 'timestamp', TimestampGreaterThanEquals: 'timestamp',
  StringEqualsPath: 'path', StringLessThanPath: 'path', StringGreaterThanPath: 'path', StringLessThanEqualsPath: 'path', StringGreaterThanEqualsPath: 'path',
  NumericEqualsPath: 'path', NumericLessThanPath: 'path', NumericGreaterThanPath: 'path', NumericLessThanEqualsPath: 'path', NumericGreaterThanEqualsPath: 'path',
  BooleanEqualsPath: 'path',
  TimestampEqualsPath: 'path', TimestampLessThanPath: 'path', TimestampGreaterThanPath: 'path', TimestampLessThanEqualsPath: 'path', TimestampGreaterThanEqualsPath: 'path',
  IsNull: 'boolean', IsPresent: 'boolean', IsNumeric: 'boolean', IsString: 'boolean', IsBoolean: 'boolean', IsTimestamp: 'boolean',
};

/** Error names the service defines (asl-facts §4); other `States.*` names only earn a warning. */
export const PREDEFINED_ERRORS: ReadonlySet<string> = new Set([
  'States.ALL', 'States.HeartbeatTimeout', 'States.Timeout', 'States.TaskFailed', 'States.Permissions',
  'States.ResultPathMatchFailure', 'States.ParameterPathFailure', 'States.QueryEvaluationError', 'States.BranchFailed',
  'States.NoChoiceMatched', 'States.IntrinsicFailure', 'States.ExceedToleratedFailureThreshold', 'States.ItemReaderFailed',
  'States.ResultWriterFailed', 'States.DataLimitExceeded', 'States.Runtime', 'States.Http.Socket',
]);

export const READER_INPUT_TYPES = ['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST'];
export const CSV_HEADER_LOCATIONS = ['FIRST_ROW', 'GIVEN'];
export const CSV_DELIMITERS = ['COMMA', 'PIPE', 'SEMICOLON', 'TAB', 'SPACE'];
export const WRITER_OUTPUT_TYPES = ['JSON', 'JSONL'];
export const WRITER_TRANSFORMATIONS = ['NONE', 'FLATTEN', 'COMPACT'];
export const PROCESSOR_MODES = ['INLINE', 'DISTRIBUTED'];
export const EXECUTION_TYPES = ['STANDARD', 'EXPRESS'];
export const JITTER_STRATEGIES = ['FULL', 'NONE'];
