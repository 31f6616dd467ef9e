/// <reference lib="dom" />
// The execution view's page (runs in the webview, bundled to dist/executionView.js). It draws
// what the extension sends (protocol.ts) and sends back what the user asks for; it keeps the
// execution it shows (and whether the view is locked) with setState, so VS Code can restore the panel
// after a reload. An unlocked view is told to show another execution ('show'): it starts again from nothing.
import type { StateRun } from '../../core/runs/history';
import type { ExecutionSummary, ExecutionViewState, FromView, HistoryRow, MapRunRow, ToView } from '../protocol';
import { el } from '../../common/webview/dom';

interface VsCodeApi {
  postMessage(message: FromView): void;
  setState(state: ExecutionViewState): void;
  getState(): ExecutionViewState | undefined;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
// A view brought back after being hidden starts from its page as first written: the execution it
// moved to since then is in its saved state.
let shown = vscode.getState() ?? (JSON.parse(app.dataset.state ?? '{}') as ExecutionViewState);
vscode.setState(shown);

/** Every message names the execution it is about: the view may have moved on by the time it arrives. */
function send(message: FromView): void {
  vscode.postMessage({ ...message, executionArn: shown.executionArn });
}

let execution: ExecutionSummary | undefined;
let states: StateRun[] = [];
let history: { rows: HistoryRow[]; more: boolean; note?: string } = { rows: [], more: false };
let mapRuns: MapRunRow[] = [];
let graph: { svg?: string; note?: string; outcomes: Record<string, string> } = { outcomes: {} };
let selected: number | undefined;
let error: string | undefined;
let busy = false;

function button(label: string, message: FromView, enabled = true, title?: string): HTMLButtonElement {
  const b = el('button', { text: label, title });
  b.dataset.action = message.type;
  b.disabled = !enabled || busy;
  b.addEventListener('click', () => {
    busy = true;
    render();
    send(message);
  });
  return b;
}

function duration(start?: string, stop?: string): string {
  if (!start) return '';
  const ms = (stop ? Date.parse(stop) : Date.now()) - Date.parse(start);
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}

function pretty(text: string | undefined): string {
  if (text === undefined) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function block(title: string, text: string | undefined, missing: string): HTMLElement {
  return el('section', { cls: 'block' }, el('h3', { text: title }), text === undefined ? el('p', { cls: 'muted', text: missing }) : el('pre', { text: pretty(text) }));
}

function renderGraph(): HTMLElement | undefined {
  if (!graph.svg) return graph.note ? el('p', { cls: 'muted', text: graph.note }) : undefined;
  const doc = new DOMParser().parseFromString(graph.svg, 'image/svg+xml');
  const svg = document.importNode(doc.documentElement, true);
  for (const g of Array.from(svg.querySelectorAll('g[data-id]'))) {
    const outcome = graph.outcomes[g.getAttribute('data-id') ?? ''];
    if (outcome) g.classList.add(`run-${outcome}`);
  }
  return el('div', { cls: 'graph' }, svg);
}

function renderStates(): HTMLElement {
  const table = el('table', { cls: 'states' });
  table.appendChild(el('tr', {}, el('th', { text: 'State' }), el('th', { text: 'Type' }), el('th', { text: 'Status' }), el('th', { text: 'Retries' }), el('th', { text: 'Duration' })));
  states.forEach((s, i) => {
    const row = el('tr', { cls: `state run-${s.status}${selected === i ? ' selected' : ''}` }, el('td', { text: s.name }), el('td', { text: s.type }), el('td', { text: s.status }), el('td', { text: String(s.retries) }), el('td', { text: duration(s.enteredAt, s.exitedAt) }));
    row.tabIndex = 0;
    row.dataset.state = s.name;
    const choose = () => {
      selected = i;
      render();
    };
    row.addEventListener('click', choose);
    row.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') choose();
    });
    table.appendChild(row);
  });
  return table;
}

function renderSelected(): HTMLElement | undefined {
  const s = selected === undefined ? undefined : states[selected];
  if (!s) return el('p', { cls: 'muted', text: 'Select a state to see its input, output, error and cause.' });
  return el(
    'section',
    { cls: 'selected-state' },
    el('h2', { text: `${s.name} (${s.type}, ${s.status}${s.retries ? `, retried ${s.retries}×` : ''})` }),
    s.error !== undefined || s.cause !== undefined ? el('div', { cls: 'error-box' }, el('strong', { text: s.error ?? '' }), el('pre', { text: pretty(s.cause) })) : undefined,
    block('Input', s.input, history.note ?? 'No input recorded.'),
    block('Output', s.output, s.status === 'running' ? 'Still running.' : history.note ?? 'No output.'),
  );
}

function renderHistory(): HTMLElement {
  const table = el('table', { cls: 'history' });
  table.appendChild(el('tr', {}, el('th', { text: 'ID' }), el('th', { text: 'Type' }), el('th', { text: 'Time' }), el('th', { text: 'Details' })));
  for (const r of history.rows) table.appendChild(el('tr', {}, el('td', { text: String(r.id) }), el('td', { text: r.type }), el('td', { text: r.timestamp.slice(11, 23) }), el('td', {}, el('pre', { text: r.detail }))));
  return el('section', {}, el('h2', { text: `Event history (${history.rows.length}${history.more ? '+' : ''})` }), history.note ? el('p', { cls: 'muted', text: history.note }) : undefined, table, history.more ? button('Load more events', { type: 'moreHistory' }) : undefined);
}

function renderMapRuns(): HTMLElement | undefined {
  if (!mapRuns.length) return undefined;
  const table = el('table', { cls: 'map-runs' });
  table.appendChild(el('tr', {}, el('th', { text: 'Map Run' }), el('th', { text: 'Status' }), el('th', { text: 'Items' }), el('th', { text: 'Succeeded' }), el('th', { text: 'Failed' }), el('th', { text: 'Running' }), el('th', { text: 'Duration' })));
  for (const r of mapRuns) table.appendChild(el('tr', {}, el('td', { text: r.mapRunArn.split(':').slice(-2).join(':') }), el('td', { text: r.status ?? '' }), el('td', { text: String(r.total ?? '') }), el('td', { text: String(r.succeeded ?? '') }), el('td', { text: String(r.failed ?? '') }), el('td', { text: String(r.running ?? '') }), el('td', { text: duration(r.startDate, r.stopDate) })));
  return el('section', {}, el('h2', { text: 'Map Runs' }), table);
}

function render(): void {
  app.replaceChildren();
  if (!execution) {
    app.appendChild(el('p', { text: error ?? 'Loading the execution…', cls: error ? 'error' : undefined }));
    return;
  }
  const e = execution;
  const header = el(
    'header',
    {},
    el('h1', {}, el('span', { cls: `status run-${e.status.toLowerCase()}`, text: e.status }), document.createTextNode(` ${e.name}`)),
    el('p', { cls: 'muted', text: `Started ${e.startDate ?? '?'}${e.stopDate ? ` · stopped ${e.stopDate}` : ''} · ${duration(e.startDate, e.stopDate)}${e.redriveCount ? ` · redriven ${e.redriveCount}×` : ''}` }),
    el(
      'div',
      { cls: 'actions' },
      button('Stop', { type: 'stop' }, e.status === 'RUNNING'),
      button('Redrive', { type: 'redrive' }, e.redrivable, e.redrivable ? 'Run again from the state that failed' : e.redriveReason ?? 'Not redrivable'),
      button('Start again with this input', { type: 'startAgain' }, e.input !== undefined),
      button('Copy ARN', { type: 'copyArn' }),
      button('Open in AWS Console', { type: 'openConsole' }),
      button('Refresh', { type: 'refresh' }),
    ),
  );
  app.append(
    header,
    error ? el('p', { cls: 'error', text: error }) : document.createTextNode(''),
    e.error !== undefined || e.cause !== undefined ? el('div', { cls: 'error-box' }, el('strong', { text: e.error ?? '' }), el('pre', { text: pretty(e.cause) })) : document.createTextNode(''),
    el('div', { cls: 'io' }, block('Input', e.input, e.unreadable ?? 'No input.'), block('Output', e.output, e.status === 'RUNNING' ? 'Still running.' : e.unreadable ?? 'No output.')),
    renderGraph() ?? document.createTextNode(''),
    el('div', { cls: 'split' }, el('section', {}, el('h2', { text: 'States' }), renderStates()), renderSelected() ?? document.createTextNode('')),
    renderMapRuns() ?? document.createTextNode(''),
    renderHistory(),
  );
}

/** Another execution in this view: nothing of the previous one stays. */
function reset(state: ExecutionViewState): void {
  shown = state;
  vscode.setState(shown);
  execution = undefined;
  states = [];
  history = { rows: [], more: false };
  mapRuns = [];
  graph = { outcomes: {} };
  selected = undefined;
  error = undefined;
  busy = false;
  window.scrollTo(0, 0);
}

window.addEventListener('message', (event: MessageEvent<ToView>) => {
  const m = event.data;
  switch (m.type) {
    case 'show':
      reset(m.state);
      render();
      send({ type: 'ready' });
      return;
    case 'locked':
      shown = { ...shown, locked: m.locked || undefined };
      vscode.setState(shown);
      return;
    case 'execution':
      execution = m.execution;
      states = m.states;
      graph = { svg: m.graphSvg, note: m.graphNote, outcomes: m.outcomes };
      error = undefined;
      if (selected === undefined) {
        const failed = states.findIndex((s) => s.status === 'failed');
        if (failed >= 0) selected = failed;
      }
      break;
    case 'history':
      history = { rows: m.rows, more: m.more, note: m.note };
      break;
    case 'mapRuns':
      mapRuns = m.runs;
      break;
    case 'error':
      error = m.message;
      break;
    case 'busy':
      busy = m.busy;
      break;
  }
  render();
});

render();
send({ type: 'ready' });
