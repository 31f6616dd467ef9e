// A Step Functions error as the interpreter raises and catches it: an error name (what
// ErrorEquals matches) and a cause (a human sentence or a JSON string).

export class StatesError extends Error {
  constructor(
    readonly error: string,
    override readonly cause: string,
  ) {
    super(`${error}: ${cause}`);
  }
}

/** Errors `States.ALL` does not catch (Developer Guide, error handling). */
export const UNCATCHABLE = new Set(['States.Runtime', 'States.DataLimitExceeded']);

export const runtimeError = (cause: string) => new StatesError('States.Runtime', cause);

/** An error name matches a retrier's or catcher's ErrorEquals. */
export function errorMatches(errorEquals: readonly string[], error: string): boolean {
  if (errorEquals.includes(error)) return true;
  if (UNCATCHABLE.has(error)) return false;
  if (errorEquals.includes('States.ALL')) return true;
  // "States.TaskFailed acts as a wildcard that matches any known error name except for States.Timeout" (ASL spec).
  return errorEquals.includes('States.TaskFailed') && error !== 'States.Timeout';
}
