// Task mocks: what a Task answers when the emulator runs a definition. One file format for the
// emulator's executions and for TestState in the editor: a JSON/YAML object keyed by state name
// or by resource ARN, each value a TestState-style mock `{result}` or `{errorOutput: {error,
// cause}}`, or a list of them answered in turn (the last one repeats), e.g. to fail then succeed.
import { StatesError } from './errors';
import type { Json } from './jsonpath';

export interface MockResponse {
  result?: Json;
  errorOutput?: { error?: string; cause?: string };
}

export type MockFile = Record<string, MockResponse | MockResponse[]>;

/** Checks a mock file's shape; answers a sentence for the first problem. */
export function checkMockFile(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'A mock file is an object keyed by state name or resource ARN.';
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const list = Array.isArray(entry) ? entry : [entry];
    if (list.length === 0) return `The mock for '${key}' is an empty list.`;
    for (const m of list) {
      if (m === null || typeof m !== 'object' || Array.isArray(m)) return `The mock for '${key}' must be {"result": …} or {"errorOutput": {"error": …, "cause": …}}.`;
      const has = (k: string) => Object.prototype.hasOwnProperty.call(m, k);
      if (has('result') === has('errorOutput')) return `The mock for '${key}' must have exactly one of 'result' and 'errorOutput'.`;
      const unknown = Object.keys(m).find((k) => k !== 'result' && k !== 'errorOutput');
      if (unknown) return `The mock for '${key}' has an unknown field '${unknown}'.`;
    }
  }
  return undefined;
}

/** Answers mocks in turn per key, for one execution. */
export class MockBook {
  private readonly calls = new Map<string, number>();

  constructor(
    private readonly mocks: MockFile,
    private readonly where: string,
  ) {}

  find(stateName: string, resource: string): MockResponse | undefined {
    const key = stateName in this.mocks ? stateName : resource in this.mocks ? resource : undefined;
    if (key === undefined) return undefined;
    const entry = this.mocks[key];
    if (!Array.isArray(entry)) return entry;
    const n = this.calls.get(key) ?? 0;
    this.calls.set(key, n + 1);
    return entry[Math.min(n, entry.length - 1)];
  }

  /** The mock's result, or its error thrown; a missing mock is States.TaskFailed naming it. */
  answer(stateName: string, resource: string): Json {
    const mock = this.find(stateName, resource);
    if (!mock) throw new StatesError('States.TaskFailed', `No mock for the state '${stateName}' or its resource '${resource}': add one to ${this.where}.`);
    if (mock.errorOutput) throw new StatesError(mock.errorOutput.error ?? 'States.TaskFailed', mock.errorOutput.cause ?? '');
    return mock.result ?? null;
  }
}
