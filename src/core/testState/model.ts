// TestState from the editor, as plain data: which files sit beside a definition, the mocks a state
// has there, the role aws-workflows.yaml gives it, the request built from what the panel holds (checked
// the way the service model documents each field), and a run kept as a case in the `*.tests.yaml`
// format that `aws-workflows test` reads (testCases.ts). Pure: the panel and the unit tests share it.

import { isMap, isSeq, parseDocument as parseYamlDocument, type Document, type YAMLMap } from 'yaml';
import { formatOf, parseDocument } from '../parse/document';
import { child, toValue } from '../parse/node';
import type { Manifest } from '../manifest/model';
import { definitionStem } from '../names';
import { parseTestFile, type TestCase, type TestStateAnswer } from '../runs/testCases';
import { stateAt, statePathLabel } from './statePath';

/** TestStateInput.inspectionLevel (InspectionLevel in the Step Functions model). */
export const INSPECTION_LEVELS = ['INFO', 'DEBUG', 'TRACE'] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];
/** MockInput.fieldValidationMode (MockResponseValidationMode). */
export const FIELD_VALIDATION_MODES = ['STRICT', 'PRESENT', 'NONE'] as const;
export type FieldValidationMode = (typeof FIELD_VALIDATION_MODES)[number];
/** TestStateInput.mock: "A mock can only be specified for Task, Map, or Parallel states." */
export const MOCKABLE_TYPES = ['Task', 'Map', 'Parallel'];
/** TestStateStateName: 1 to 80 characters. */
const MAX_STATE_NAME = 80;

/** The mock files that may sit beside a definition, in the order they are looked for. */
export function mockFileNames(fileName: string): string[] {
  const stem = definitionStem(fileName);
  return [`${stem}.mocks.json`, `${stem}.mocks.yaml`, `${stem}.mocks.yml`];
}

/** The saved cases file beside a definition. */
export function testFileName(fileName: string): string {
  return `${definitionStem(fileName)}.tests.yaml`;
}

/** One mock of the state under test: `{result}` or `{errorOutput}`, as TestState's MockInput takes it. */
export interface MockValue {
  result?: unknown;
  errorOutput?: { error?: string; cause?: string };
  fieldValidationMode?: FieldValidationMode;
}

export interface MockChoice {
  label: string;
  mock: MockValue;
}

/**
 * The mocks a mock file (JSON or YAML, keyed by state name or resource ARN, a value or a list
 * answered in turn: the emulator's format) has for one state. A problem is a sentence.
 */
export function mockChoices(text: string, file: string, stateName: string, resource: string | undefined): { choices: MockChoice[]; problem?: string } {
  let value: unknown;
  try {
    const doc = parseYamlDocument(text, { uniqueKeys: false });
    if (doc.errors.length) throw doc.errors[0];
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { choices: [], problem: `${file} does not parse: ${(e as Error).message.split('\n')[0]}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { choices: [], problem: `${file} must be an object keyed by state name or resource ARN.` };
  const mocks = value as Record<string, unknown>;
  const has = (k: string | undefined) => k !== undefined && Object.prototype.hasOwnProperty.call(mocks, k);
  const key = has(stateName) ? stateName : has(resource) ? resource! : undefined;
  if (key === undefined) return { choices: [] };
  const entry = mocks[key];
  const list = Array.isArray(entry) ? entry : [entry];
  const choices: MockChoice[] = [];
  for (const [i, m] of list.entries()) {
    if (!m || typeof m !== 'object' || Array.isArray(m)) return { choices, problem: `The mock for '${key}' in ${file} must be {"result": …} or {"errorOutput": {"error": …, "cause": …}}.` };
    const where = key === stateName ? key : 'its resource';
    const what = 'errorOutput' in m ? `error ${String((m as MockValue).errorOutput?.error ?? '')}` : 'result';
    choices.push({ label: `${where}${list.length > 1 ? ` (call ${i + 1})` : ''}: ${what}`, mock: m as MockValue });
  }
  return { choices };
}

export interface ManifestRole {
  roleArn?: string;
  region?: string;
  entry?: string;
}

/**
 * The role (and region) of the aws-workflows.yaml entry whose definition is this file.
 * `definitionPath` is relative to the manifest's folder.
 */
export function manifestRoleFor(manifest: Pick<Manifest, 'stateMachines' | 'defaults'>, definitionPath: string): ManifestRole {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const wanted = norm(definitionPath);
  const entry = manifest.stateMachines.find((e) => e.spec.definition !== undefined && norm(e.spec.definition) === wanted);
  if (!entry) return {};
  return { roleArn: entry.spec.roleArn, region: entry.spec.region ?? manifest.defaults.region, entry: entry.name };
}

/** What the panel holds: every field as the user typed it. */
export interface TestStateForm {
  input: string;
  variables: string;
  context: string;
  inspectionLevel: InspectionLevel;
  /** The mock as JSON text (`{"result": …}` or `{"errorOutput": …}`); empty: no mock. */
  mock: string;
  roleArn: string;
  revealSecrets: boolean;
  /** Retries already made for the Retry that matches a mocked error (stateConfiguration.retrierRetryCount); empty: none. */
  retrierRetryCount?: string;
}

export const EMPTY_FORM: TestStateForm = { input: '{}', variables: '', context: '', inspectionLevel: 'INFO', mock: '', roleArn: '', revealSecrets: false, retrierRetryCount: '' };

/** The TestState request (the SDK's TestStateInput members). */
export interface TestStateRequest {
  /** The whole definition for a top-level state; a nested state's own definition alone. */
  definition: string;
  /** A top-level state's name; absent for a nested state, whose definition is the state itself. */
  stateName?: string;
  roleArn?: string;
  input: string;
  inspectionLevel: InspectionLevel;
  revealSecrets?: boolean;
  stateConfiguration?: { retrierRetryCount?: number };
  variables?: string;
  context?: string;
  mock?: { result?: string; errorOutput?: { error?: string; cause?: string }; fieldValidationMode?: FieldValidationMode };
}

export type Built<T> = { ok: true; value: T } | { ok: false; field: keyof TestStateForm | 'definition' | 'state'; message: string };

/** A definition as TestState takes it: JSON text (YAML is converted, as deploy does), with its States. */
export interface DefinitionJson {
  json: string;
  states: Record<string, unknown>;
  /** The whole definition, parsed: nested states are found in it. */
  root: unknown;
}

export function definitionJson(text: string, fileName: string): Built<DefinitionJson> {
  const doc = parseDocument(text, formatOf(fileName));
  const problem = doc.problems.find((p) => p.code !== 'parse/duplicate-key');
  if (!doc.root || problem) return { ok: false, field: 'definition', message: `The definition does not parse${problem ? `: ${problem.message.replace(/\.$/, '')}` : ''}; fix it before testing a state.` };
  const states = child(doc.root, 'States');
  if (!states || states.kind !== 'object') return { ok: false, field: 'definition', message: 'The definition has no States object; TestState needs a whole state machine definition to test a state by name.' };
  const root = toValue(doc.root);
  return { ok: true, value: { json: JSON.stringify(root), states: (root as { States: Record<string, unknown> }).States, root } };
}

/** A JSON field as typed: empty is absent; otherwise JSON, and an object where `kind` says so. */
function jsonValue(text: string, field: keyof TestStateForm, label: string, kind: 'any' | 'object', shape = `The ${label} must be a JSON object.`): Built<unknown> {
  const t = text.trim();
  if (!t) return { ok: true, value: undefined };
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch (e) {
    return { ok: false, field, message: `The ${label} is not JSON: ${(e as Error).message}.` };
  }
  if (kind === 'object' && (!v || typeof v !== 'object' || Array.isArray(v))) return { ok: false, field, message: shape };
  return { ok: true, value: v };
}

function jsonField(text: string, field: keyof TestStateForm, label: string, kind: 'any' | 'object'): Built<string | undefined> {
  const v = jsonValue(text, field, label, kind);
  return v.ok ? { ok: true, value: v.value === undefined ? undefined : JSON.stringify(v.value) } : v;
}

/** Parses the mock text into TestState's MockInput; a sentence when it is not one. */
export function parseMock(text: string): Built<MockValue | undefined> {
  const v = jsonValue(text, 'mock', 'mock', 'object', 'The mock must be {"result": …} or {"errorOutput": {"error": …, "cause": …}}.');
  if (!v.ok || v.value === undefined) return v as Built<undefined>;
  const m = v.value as Record<string, unknown>;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(m, k);
  if (has('result') === has('errorOutput')) return { ok: false, field: 'mock', message: "The mock needs exactly one of 'result' and 'errorOutput'." };
  const unknown = Object.keys(m).find((k) => !['result', 'errorOutput', 'fieldValidationMode'].includes(k));
  if (unknown) return { ok: false, field: 'mock', message: `The mock has '${unknown}', which TestState's mock does not take (result, errorOutput, fieldValidationMode).` };
  if (has('errorOutput')) {
    const e = m.errorOutput as Record<string, unknown> | null;
    if (!e || typeof e !== 'object' || Array.isArray(e) || (e.error !== undefined && typeof e.error !== 'string') || (e.cause !== undefined && typeof e.cause !== 'string')) return { ok: false, field: 'mock', message: "The mock's errorOutput must be an object with string 'error' and 'cause'." };
  }
  if (has('fieldValidationMode') && !(FIELD_VALIDATION_MODES as readonly unknown[]).includes(m.fieldValidationMode)) return { ok: false, field: 'mock', message: `The mock's fieldValidationMode must be one of ${FIELD_VALIDATION_MODES.join(', ')}.` };
  return { ok: true, value: m as MockValue };
}

/**
 * The state under test: a top-level state by name in the whole definition (TestState's stateName);
 * a state inside a Parallel branch or a Map's processor (a path of two names or more) by its own
 * definition alone and no stateName, as TestState has always taken a single state, since stateName
 * names a state of the top-level States only.
 */
export function testedState(definition: DefinitionJson, state: string | readonly string[]): Built<{ definition: string; stateName?: string; state: Record<string, unknown> }> {
  const path = typeof state === 'string' ? [state] : state;
  const stateName = path.at(-1) ?? '';
  if (path.length > 1) {
    const found = stateAt(definition.root, path);
    if (!found) return { ok: false, field: 'state', message: `The state ${statePathLabel(path)} is no longer in the definition; save the definition or pick another state.` };
    return { ok: true, value: { definition: JSON.stringify(found), state: found } };
  }
  if (!stateName || stateName.length > MAX_STATE_NAME) return { ok: false, field: 'state', message: `A state name has 1 to ${MAX_STATE_NAME} characters; '${stateName}' cannot be tested by name.` };
  if (!Object.prototype.hasOwnProperty.call(definition.states, stateName)) return { ok: false, field: 'state', message: `The state '${stateName}' is no longer in the definition's States; save the definition or pick another state.` };
  return { ok: true, value: { definition: definition.json, stateName, state: (definition.states[stateName] ?? {}) as Record<string, unknown> } };
}

/** The TestState request for one state (a name, or a nested state's path), every field checked first (each problem one sentence). */
export function buildTestStateRequest(definition: DefinitionJson, state: string | readonly string[], form: TestStateForm): Built<TestStateRequest> {
  const tested = testedState(definition, state);
  if (!tested.ok) return tested;
  const stateName = typeof state === 'string' ? state : statePathLabel(state);
  const type = tested.value.state.Type;
  const input = jsonField(form.input, 'input', 'input', 'any');
  if (!input.ok) return input;
  const variables = jsonField(form.variables, 'variables', 'variables value', 'object');
  if (!variables.ok) return variables;
  const context = jsonField(form.context, 'context', 'context', 'object');
  if (!context.ok) return context;
  const mock = parseMock(form.mock);
  if (!mock.ok) return mock;
  if (mock.value && !MOCKABLE_TYPES.includes(String(type))) return { ok: false, field: 'mock', message: `A mock is only for Task, Map and Parallel states, and ${stateName} is a ${String(type ?? 'state without a Type')}; clear the mock.` };
  // TestStateInput.context: "This field may only be specified if a mock is specified in the same request."
  if (context.value !== undefined && !mock.value) return { ok: false, field: 'context', message: 'A context can only be sent with a mock (TestState refuses it otherwise); choose a mock or clear the context.' };
  if (!(INSPECTION_LEVELS as readonly string[]).includes(form.inspectionLevel)) return { ok: false, field: 'inspectionLevel', message: `The inspection level must be one of ${INSPECTION_LEVELS.join(', ')}.` };
  const roleArn = form.roleArn.trim();
  if (roleArn && !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\-/]+$/.test(roleArn)) return { ok: false, field: 'roleArn', message: `The role ARN '${roleArn}' is not an IAM role ARN (arn:aws:iam::123456789012:role/name).` };
  const retries = (form.retrierRetryCount ?? '').trim();
  // TestStateConfiguration.retrierRetryCount: an integer, minimum 0.
  if (retries && !/^\d{1,9}$/.test(retries)) return { ok: false, field: 'retrierRetryCount', message: `The retries already made must be a whole number from 0, not '${retries}'.` };
  const m = mock.value;
  return {
    ok: true,
    value: {
      definition: tested.value.definition,
      stateName: tested.value.stateName,
      roleArn: roleArn || undefined,
      input: input.value ?? '{}',
      inspectionLevel: form.inspectionLevel,
      // revealSecrets shows what an HTTP Task's connection adds: only TRACE shows the request at all.
      revealSecrets: form.inspectionLevel === 'TRACE' && form.revealSecrets ? true : undefined,
      stateConfiguration: retries ? { retrierRetryCount: Number(retries) } : undefined,
      variables: variables.value,
      context: context.value,
      mock: m ? { result: m.result !== undefined ? JSON.stringify(m.result) : undefined, errorOutput: m.errorOutput, fieldValidationMode: m.fieldValidationMode } : undefined,
    },
  };
}

function parsedOrText(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A run kept as a saved case: the input, variables, context and mock sent, and what came back as the
 * expectation. A nested state (`path` of two names or more) is kept by its path.
 */
export function testCaseFromRun(name: string, request: TestStateRequest, answer: TestStateAnswer, path?: readonly string[]): TestCase {
  const expect: TestCase['expect'] = { status: answer.status };
  if (answer.nextState !== undefined) expect.nextState = answer.nextState;
  if (answer.output !== undefined) expect.output = parsedOrText(answer.output);
  if (answer.error !== undefined) expect.error = answer.error;
  if (answer.cause !== undefined && answer.cause !== '') expect.cause = answer.cause;
  // Built in the order a person writes a case: what goes in, then what is expected.
  const c = (path && path.length > 1 ? { name, path: [...path] } : { name, state: request.stateName }) as TestCase;
  c.input = parsedOrText(request.input);
  if (request.variables !== undefined) c.variables = parsedOrText(request.variables) as Record<string, unknown>;
  if (request.context !== undefined) c.context = parsedOrText(request.context) as Record<string, unknown>;
  if (request.mock) c.mock = request.mock.errorOutput ? { errorOutput: request.mock.errorOutput } : { result: parsedOrText(request.mock.result) };
  if (request.stateConfiguration?.retrierRetryCount !== undefined) c.retrierRetryCount = request.stateConfiguration.retrierRetryCount;
  c.expect = expect;
  return c;
}

/**
 * The tests file with one more case: appended to an existing file (its comments and layout kept),
 * or a new file naming the definition. A file that tests another definition is refused.
 */
export function appendTestCase(existing: string | undefined, definitionFile: string, testCase: TestCase): Built<string> {
  const fail = (message: string): Built<string> => ({ ok: false, field: 'definition', message });
  let doc: Document;
  if (existing === undefined || !existing.trim()) {
    doc = parseYamlDocument(`# TestState cases: \`npx aws-workflows test\` runs them against AWS, or the emulator with AWS_ENDPOINT_URL.\ndefinition: ${JSON.stringify(definitionFile)}\ncases: []\n`);
  } else {
    const checked = parseTestFile(existing);
    if (typeof checked === 'string') return fail(`The tests file cannot take another case: ${checked}`);
    if (checked.definition.replace(/^\.\//, '') !== definitionFile) return fail(`The tests file beside this definition tests ${checked.definition}, not ${definitionFile}; move it or change its 'definition'.`);
    doc = parseYamlDocument(existing);
  }
  if (doc.errors.length) return fail(`The tests file does not parse: ${doc.errors[0].message.split('\n')[0]}`);
  const cases = doc.get('cases', true);
  if (!isSeq(cases)) return fail("The tests file's 'cases' is not a list.");
  if (cases.flow && cases.items.length === 0) cases.flow = false;
  const node = doc.createNode(testCase) as YAMLMap;
  // Values on one line each, as the hand-written cases are.
  for (const pair of node.items) if (isMap(pair.value) || isSeq(pair.value)) pair.value.flow = true;
  cases.items.push(node);
  return { ok: true, value: doc.toString({ lineWidth: 0 }) };
}
