/// <reference lib="dom" />
// The TestState panel's page (runs in the webview, bundled to dist/testStateView.js). The form is
// built once per setup so typing is never interrupted; JSON fields are checked as they are typed;
// everything typed is kept with setState, so VS Code restores it after a reload.
import type { InspectionLevel, TestStateForm } from '../../core/testState/model';
import type { TestStateViewState } from '../ids';
import type { FromTestStateView, TestStateResultView, TestStateSetup, ToTestStateView } from '../protocol';
import { el } from '../../common/webview/dom';

interface VsCodeApi {
  postMessage(message: FromTestStateView): void;
  setState(state: TestStateViewState): void;
  getState(): TestStateViewState | undefined;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const initial = (vscode.getState() ?? JSON.parse(app.dataset.state ?? '{}')) as TestStateViewState;
vscode.setState(initial);

const LEVELS: InspectionLevel[] = ['INFO', 'DEBUG', 'TRACE'];
/** Inspection members as the service names them, with what each shows. */
const INSPECTION_LABELS: Record<string, string> = {
  input: 'Input',
  afterArguments: 'After Arguments',
  afterInputPath: 'After InputPath',
  afterParameters: 'After Parameters',
  afterItemsPath: 'After ItemsPath',
  afterItemsPointer: 'After ItemsPointer',
  afterItemSelector: 'After ItemSelector',
  afterItemBatcher: 'After ItemBatcher',
  result: 'Result',
  afterResultSelector: 'After ResultSelector',
  afterResultPath: 'After ResultPath',
  variables: 'Variables',
  errorDetails: 'Error details',
  request: 'HTTP request',
  response: 'HTTP response',
};

let setup: TestStateSetup | undefined;
let form: TestStateForm | undefined = initial.form;
let busy = false;
const fields: Partial<Record<keyof TestStateForm, HTMLTextAreaElement | HTMLInputElement | HTMLSelectElement>> = {};
const fieldErrors: Partial<Record<string, HTMLElement>> = {};
let messageArea: HTMLElement;
let resultArea: HTMLElement;
const buttons: HTMLButtonElement[] = [];

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function currentForm(): TestStateForm {
  const value = (k: keyof TestStateForm) => (fields[k] as HTMLInputElement | undefined)?.value ?? '';
  return {
    input: value('input'),
    variables: value('variables'),
    context: value('context'),
    inspectionLevel: (value('inspectionLevel') || 'INFO') as InspectionLevel,
    mock: value('mock'),
    roleArn: value('roleArn'),
    revealSecrets: (fields.revealSecrets as HTMLInputElement | undefined)?.checked ?? false,
    retrierRetryCount: value('retrierRetryCount'),
  };
}

function remember(): void {
  form = currentForm();
  vscode.setState({ ...initial, form });
  const trace = form.inspectionLevel === 'TRACE';
  if (fields.revealSecrets) (fields.revealSecrets as HTMLInputElement).disabled = !trace;
}

/** Marks a JSON field while it does not parse (empty is allowed where the field is optional). */
function checkJson(name: keyof TestStateForm, kind: 'any' | 'object', optional: boolean): void {
  const field = fields[name] as HTMLTextAreaElement;
  const text = field.value.trim();
  let problem = '';
  if (text) {
    try {
      const v: unknown = JSON.parse(text);
      if (kind === 'object' && (!v || typeof v !== 'object' || Array.isArray(v))) problem = 'Must be a JSON object.';
    } catch (e) {
      problem = `Not JSON: ${(e as Error).message}`;
    }
  } else if (!optional) {
    problem = 'Required (use {} for an empty input).';
  }
  showFieldError(name, problem);
}

function showFieldError(name: string, problem: string): void {
  const field = fields[name as keyof TestStateForm];
  field?.classList.toggle('invalid', !!problem);
  const box = fieldErrors[name];
  if (box) {
    box.textContent = problem;
    box.hidden = !problem;
  }
}

function jsonArea(name: 'input' | 'variables' | 'context' | 'mock', label: string, value: string, kind: 'any' | 'object', optional: boolean, placeholder: string): HTMLElement {
  const area = el('textarea', { id: `field-${name}` });
  area.value = value;
  area.placeholder = placeholder;
  area.spellcheck = false;
  area.rows = name === 'input' || name === 'mock' ? 6 : 3;
  fields[name] = area;
  const error = el('div', { cls: 'field-error' });
  error.hidden = true;
  fieldErrors[name] = error;
  area.addEventListener('input', () => {
    checkJson(name, kind, optional);
    remember();
  });
  const lab = el('label', { text: label });
  lab.htmlFor = area.id;
  return el('div', {}, lab, area, error);
}

/** A one-line field with its label and the place its problem is shown. */
function textField(name: 'roleArn' | 'retrierRetryCount', label: string, value: string, placeholder: string): HTMLElement {
  const input = el('input', { id: `field-${name}` });
  input.type = 'text';
  input.value = value;
  input.placeholder = placeholder;
  input.spellcheck = false;
  input.addEventListener('input', remember);
  fields[name] = input;
  const error = el('div', { cls: 'field-error' });
  error.hidden = true;
  fieldErrors[name] = error;
  const lab = el('label', { text: label });
  lab.htmlFor = input.id;
  return el('div', {}, lab, input, error);
}

function button(label: string, action: () => void, id: string, secondary = false): HTMLButtonElement {
  const b = el('button', { text: label, id, cls: secondary ? 'secondary' : undefined });
  b.addEventListener('click', action);
  buttons.push(b);
  return b;
}

function setBusy(value: boolean): void {
  busy = value;
  for (const b of buttons) b.disabled = busy;
}

function buildForm(s: TestStateSetup): void {
  const f = form ?? s.form;
  app.textContent = '';
  buttons.length = 0;
  const title = el('h1', { text: `Test ${s.statePath ?? s.stateName}` });
  const sub = el('div', { cls: 'muted', text: `${s.stateType ?? 'State'} in ${s.definition}${s.nested ? ' · tested alone, by its own definition' : ''} · TestState in ${s.region}` });

  const level = el('select', { id: 'field-inspectionLevel' });
  for (const l of LEVELS) {
    const o = el('option', { text: l });
    o.value = l;
    level.appendChild(o);
  }
  level.value = f.inspectionLevel;
  level.addEventListener('change', remember);
  fields.inspectionLevel = level;
  const reveal = el('input', { id: 'field-revealSecrets' });
  reveal.type = 'checkbox';
  reveal.checked = f.revealSecrets;
  reveal.addEventListener('change', remember);
  fields.revealSecrets = reveal;
  const retries = textField('retrierRetryCount', 'Retries already made (for a mocked error)', f.retrierRetryCount ?? '', '0');
  const levelLabel = el('label', { text: 'Inspection level' });
  levelLabel.htmlFor = level.id;
  const revealLabel = el('label', { cls: 'plain', text: ' Reveal secrets (TRACE: what an HTTP Task\'s connection adds; needs states:RevealSecrets)' });
  revealLabel.prepend(reveal);

  const mockSection = el('div', {});
  if (s.mockable) {
    const choose = el('select', { id: 'mock-choice' });
    const none = el('option', { text: 'No mock (call the service with the role)' });
    none.value = '';
    choose.appendChild(none);
    s.mocks.forEach((m, i) => {
      const o = el('option', { text: m.label });
      o.value = String(i);
      choose.appendChild(o);
    });
    const custom = el('option', { text: 'Edited below' });
    custom.value = 'custom';
    choose.appendChild(custom);
    // The select follows the text: a listed mock, none, or an edited one.
    const follow = () => {
      const text = (fields.mock as HTMLTextAreaElement | undefined)?.value ?? f.mock;
      const i = s.mocks.findIndex((m) => JSON.stringify(m.mock, null, 2) === text);
      choose.value = i >= 0 ? String(i) : text.trim() ? 'custom' : '';
    };
    const chooseLabel = el('label', { text: 'Mock' });
    chooseLabel.htmlFor = choose.id;
    mockSection.append(chooseLabel, choose, el('div', { cls: 'muted', text: s.mockNote }));
    const area = jsonArea('mock', 'Mock (editable: {"result": …} or {"errorOutput": {"error": …, "cause": …}})', f.mock, 'object', true, '{"result": {}}');
    fields.mock!.addEventListener('input', follow);
    follow();
    choose.addEventListener('change', () => {
      if (choose.value === 'custom') return follow();
      const m = choose.value === '' ? undefined : s.mocks[Number(choose.value)];
      (fields.mock as HTMLTextAreaElement).value = m ? JSON.stringify(m.mock, null, 2) : '';
      checkJson('mock', 'object', true);
      remember();
    });
    mockSection.appendChild(area);
  } else {
    mockSection.append(el('label', { text: 'Mock' }), el('div', { cls: 'muted', text: s.mockNote }));
  }

  const role = textField('roleArn', 'Role ARN', f.roleArn, 'arn:aws:iam::123456789012:role/name');

  const caseName = el('input', { id: 'case-name' });
  caseName.type = 'text';
  caseName.placeholder = 'Case name (optional)';
  const run = () => {
    remember();
    setBusy(true);
    clearMessages();
    vscode.postMessage({ type: 'run', form: currentForm() });
  };
  const actions = el(
    'div',
    { cls: 'actions' },
    button('Run', run, 'run'),
    button('Save as test case', () => {
      remember();
      setBusy(true);
      clearMessages();
      vscode.postMessage({ type: 'save', form: currentForm(), name: caseName.value });
    }, 'save', true),
    caseName,
    button('Copy output', () => vscode.postMessage({ type: 'copyOutput' }), 'copy-output', true),
    button('Reload mocks', () => vscode.postMessage({ type: 'reloadMocks', form: currentForm() }), 'reload-mocks', true),
  );
  messageArea = el('div', { id: 'messages' });
  resultArea = el('section', { id: 'result' });
  const definitionError = el('div', { cls: 'field-error' });
  definitionError.hidden = true;
  fieldErrors.definition = definitionError;
  fieldErrors.state = definitionError;

  app.append(
    title,
    sub,
    jsonArea('input', 'Input', f.input, 'any', false, '{}'),
    el('div', { cls: 'grid' }, jsonArea('variables', 'Variables (JSON object, optional)', f.variables, 'object', true, '{"limit": 1000}'), jsonArea('context', 'Context (JSON object, only with a mock)', f.context, 'object', true, '{"Execution": {"Name": "test"}}')),
    el('div', { cls: 'grid' }, el('div', {}, levelLabel, level, revealLabel), el('div', {}, role, el('div', { cls: 'muted', text: s.roleNote }))),
    mockSection,
    retries,
    actions,
    messageArea,
    resultArea,
  );
  // Ctrl/Cmd+Enter runs from any field.
  app.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !busy) run();
  });
  for (const [name, kind, optional] of [['input', 'any', false], ['variables', 'object', true], ['context', 'object', true], ['mock', 'object', true]] as const) if (fields[name]) checkJson(name, kind, optional);
  remember();
}

function clearMessages(): void {
  messageArea.textContent = '';
  for (const name of Object.keys(fieldErrors)) if (name === 'roleArn' || name === 'retrierRetryCount' || name === 'definition' || name === 'state') showFieldError(name, '');
}

function showResult(r: TestStateResultView): void {
  resultArea.textContent = '';
  const status = el('span', { cls: `status st-${r.status ?? ''}`, text: r.status ?? 'no status', id: 'result-status' });
  const list = el('dl', {});
  const row = (term: string, value: string | undefined, id: string) => {
    if (value === undefined) return;
    list.append(el('dt', { text: term }), el('dd', { text: value, id }));
  };
  row('Next state', r.nextState ?? (r.status === 'SUCCEEDED' ? '(none: the state ends the execution)' : undefined), 'result-next');
  row('Error', r.error, 'result-error');
  row('Cause', r.cause, 'result-cause');
  resultArea.append(el('h2', { text: 'Result ' }, status), list);
  if (r.output !== undefined) resultArea.append(el('h3', { text: 'Output' }), el('pre', { text: pretty(r.output), id: 'result-output' }));
  if (r.inspection) {
    resultArea.appendChild(el('h2', { text: `Inspection (${r.level})` }));
    for (const [key, value] of Object.entries(r.inspection)) {
      resultArea.append(el('h3', { text: INSPECTION_LABELS[key] ?? key }), el('pre', { text: pretty(value), cls: `inspection-${key}` }));
    }
  } else if (r.level === 'INFO') {
    resultArea.appendChild(el('p', { cls: 'muted', text: 'Choose DEBUG to see the data after each step (InputPath, Parameters, ResultSelector, ResultPath), TRACE for an HTTP Task\'s request and response.' }));
  }
}

window.addEventListener('message', (event: MessageEvent<ToTestStateView>) => {
  const m = event.data;
  switch (m.type) {
    case 'setup':
      setup = m.setup;
      form = m.setup.form;
      buildForm(m.setup);
      return;
    case 'result':
      showResult(m.result);
      return;
    case 'error': {
      if (!setup) {
        app.textContent = '';
        app.appendChild(el('div', { cls: 'error-box', text: m.message }));
        return;
      }
      if (m.field && fieldErrors[m.field]) showFieldError(m.field, m.message);
      messageArea.textContent = '';
      messageArea.appendChild(el('div', { cls: 'error-box', text: m.message, id: 'error-message' }));
      return;
    }
    case 'notice':
      if (!setup) return;
      messageArea.textContent = '';
      messageArea.appendChild(el('div', { cls: 'notice', text: m.message, id: 'notice-message' }));
      return;
    case 'busy':
      setBusy(m.busy);
      return;
  }
});

vscode.postMessage({ type: 'ready', form });
