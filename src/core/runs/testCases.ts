// Saved TestState cases (`*.tests.yaml|yml|json`, committed beside a definition) and how a TestState
// answer is judged against them. Pure: `aws-workflows test` and the editor share it.
//
//   definition: order-pipeline.asl.yaml     # relative to this file
//   roleArn: arn:aws:iam::…:role/…          # optional; else the manifest entry's, else --role-arn
//   cases:
//     - name: large orders wait for approval
//       state: NeedsApproval                 # the state to test (default: StartAt)
//       # or, for a state inside a Parallel branch or a Map's processor, its path from a top-level
//       # state: tested by its own definition alone (no stateName), as TestState takes one state
//       # path: [ProcessItems, ChargeCard]
//       input: { total: 1250 }
//       variables: { limit: 1000 }           # optional
//       mock: { result: {…} }                # or { errorOutput: { error, cause } }, as TestState's mock
//       expect: { nextState: WaitForApproval, output: {…}, status: SUCCEEDED, error: …, cause: … }

import { toValue } from '../parse/node';
import { parseYaml } from '../parse/yaml';

export interface TestCase {
  name: string;
  state?: string;
  /** A nested state: the names from a top-level state down to it (two or more). */
  path?: string[];
  input?: unknown;
  variables?: Record<string, unknown>;
  context?: Record<string, unknown>;
  mock?: { result?: unknown; errorOutput?: { error?: string; cause?: string } };
  /** Retries already made (TestState's stateConfiguration.retrierRetryCount). */
  retrierRetryCount?: number;
  expect: { status?: string; nextState?: string | null; output?: unknown; error?: string; cause?: string };
}

export interface TestFile {
  definition: string;
  roleArn?: string;
  cases: TestCase[];
}

export const TEST_FILE_GLOB = '**/*.tests.{yaml,yml,json}';
const MAX_TEST_FILE_BYTES = 1_000_000;

/** Parses and checks a test file; answers the file or one sentence naming the first problem. */
export function parseTestFile(text: string): TestFile | string {
  if (text.length > MAX_TEST_FILE_BYTES) return `the file is larger than ${MAX_TEST_FILE_BYTES} bytes.`;
  // The checker's YAML parser (JSON is YAML): its depth and alias budgets hold for a committed file too.
  const { root, problems } = parseYaml(text);
  const syntax = problems.find((p) => p.code === 'parse/syntax' || p.code === 'parse/too-complex');
  if (syntax) return `it does not parse: ${syntax.message.split('\n')[0]}`;
  const d = (root ? toValue(root) : null) as Partial<TestFile> | null;
  if (!d || typeof d !== 'object') return "it must be an object with 'definition' and 'cases'.";
  if (typeof d.definition !== 'string' || !d.definition) return "'definition' (the definition file, relative to this one) is missing.";
  if (d.roleArn !== undefined && typeof d.roleArn !== 'string') return "'roleArn' must be a string.";
  if (!Array.isArray(d.cases) || d.cases.length === 0) return "'cases' must be a list of at least one case.";
  for (const [i, c] of d.cases.entries()) {
    const where = `case ${i + 1}${c && typeof c === 'object' && typeof (c as TestCase).name === 'string' ? ` (${(c as TestCase).name})` : ''}`;
    if (!c || typeof c !== 'object') return `${where} must be an object.`;
    if (typeof c.name !== 'string' || !c.name) return `${where} needs a 'name'.`;
    if (c.state !== undefined && typeof c.state !== 'string') return `${where}: 'state' must be a state name.`;
    if (c.path !== undefined) {
      if (!Array.isArray(c.path) || c.path.length < 2 || !c.path.every((n) => typeof n === 'string' && n)) return `${where}: 'path' must list two state names or more, from a top-level state down to the nested state it tests.`;
      if (c.state !== undefined) return `${where}: give 'state' (a top-level state) or 'path' (a nested state), not both.`;
    }
    if (!c.expect || typeof c.expect !== 'object') return `${where} needs 'expect' (status, nextState, output, error or cause).`;
    const known = ['status', 'nextState', 'output', 'error', 'cause'];
    const unknown = Object.keys(c.expect).find((k) => !known.includes(k));
    if (unknown) return `${where}: 'expect.${unknown}' is not one of ${known.join(', ')}.`;
    if (c.mock !== undefined) {
      const m = c.mock as Record<string, unknown>;
      if (!m || typeof m !== 'object' || ('result' in m) === ('errorOutput' in m)) return `${where}: 'mock' needs exactly one of 'result' and 'errorOutput'.`;
    }
  }
  return d as TestFile;
}

/** What TestState answered (its output is JSON text). */
export interface TestStateAnswer {
  status?: string;
  nextState?: string;
  output?: string;
  error?: string;
  cause?: string;
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** The differences between what a case expects and what TestState answered (empty: it passed). */
export function judge(c: TestCase, answer: TestStateAnswer): string[] {
  const e = c.expect;
  const problems: string[] = [];
  const status = e.status ?? (e.error !== undefined ? 'FAILED' : 'SUCCEEDED');
  if (answer.status !== status) problems.push(`status ${answer.status ?? 'none'}, expected ${status}${answer.error ? ` (${answer.error}: ${answer.cause ?? ''})` : ''}`);
  if (e.nextState !== undefined && (answer.nextState ?? null) !== e.nextState) problems.push(`next state ${answer.nextState ?? 'none (end)'}, expected ${e.nextState ?? 'none (end)'}`);
  if (e.output !== undefined) {
    let got: unknown;
    try {
      got = answer.output === undefined ? undefined : JSON.parse(answer.output);
    } catch {
      got = answer.output;
    }
    if (stable(got) !== stable(e.output)) problems.push(`output ${answer.output ?? 'none'}, expected ${JSON.stringify(e.output)}`);
  }
  if (e.error !== undefined && answer.error !== e.error) problems.push(`error ${answer.error ?? 'none'}, expected ${e.error}`);
  if (e.cause !== undefined && !(answer.cause ?? '').includes(e.cause)) problems.push(`cause ${JSON.stringify(answer.cause ?? '')} does not contain ${JSON.stringify(e.cause)}`);
  return problems;
}
