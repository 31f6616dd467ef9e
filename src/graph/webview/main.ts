/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The graph webview's script (bundled by esbuild into dist/graphView.js). The extension sends the
// drawing as SVG from the shared renderer; this script only shows it: zoom and scroll kept across
// redraws and reloads, click → reveal in the editor, cursor → highlight, export with the theme's
// colours resolved. Runs under a CSP without 'unsafe-eval' or 'unsafe-inline': no eval, no inline
// style attributes (CSSOM properties only).

import { graphCss, VSCODE_PALETTE, type GraphPalette } from '../../core/graph/svg';
import type { FromWebview, GraphViewState, ToWebview } from '../ids';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): GraphViewState | undefined;
  setState(state: GraphViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const viewport = document.getElementById('viewport') as HTMLDivElement;
const canvas = document.getElementById('canvas') as HTMLDivElement;
const banner = document.getElementById('banner') as HTMLDivElement;
const title = document.getElementById('title') as HTMLSpanElement;
const zoomLabel = document.getElementById('zoom-reset') as HTMLButtonElement;

let state: GraphViewState = vscode.getState() ?? { uri: '' };
let zoom = state.zoom ?? 1;
let natural = { width: 0, height: 0 };
let highlighted: string | undefined;
let restoredScroll = state.scrollX !== undefined;
let drawnOnce = false;

function svg(): SVGSVGElement | null {
  return canvas.querySelector('svg.wf-graph');
}

function save(): void {
  state = { ...state, zoom, scrollX: viewport.scrollLeft, scrollY: viewport.scrollTop };
  vscode.setState(state);
}

function applyZoom(): void {
  const el = svg();
  if (!el) return;
  el.setAttribute('width', String(Math.round(natural.width * zoom)));
  el.setAttribute('height', String(Math.round(natural.height * zoom)));
  zoomLabel.textContent = `${Math.round(zoom * 100)}%`;
}

/** Zooms keeping the point under (cx, cy) of the viewport in place. */
function setZoom(next: number, cx = viewport.clientWidth / 2, cy = viewport.clientHeight / 2): void {
  const clamped = Math.min(4, Math.max(0.1, next));
  const x = (viewport.scrollLeft + cx) / zoom;
  const y = (viewport.scrollTop + cy) / zoom;
  zoom = clamped;
  applyZoom();
  viewport.scrollLeft = x * zoom - cx;
  viewport.scrollTop = y * zoom - cy;
  save();
}

function fit(): void {
  if (!natural.width) return;
  setZoom(Math.min(1.5, (viewport.clientWidth - 24) / natural.width, (viewport.clientHeight - 24) / natural.height), 0, 0);
  viewport.scrollLeft = 0;
  viewport.scrollTop = 0;
  save();
}

function showBanner(text: string | undefined): void {
  banner.textContent = text ?? '';
  banner.hidden = !text;
  document.body.classList.toggle('has-banner', Boolean(text));
}

function nodeElement(id: string): Element | null {
  return canvas.querySelector(`.wf-node[data-id="${CSS.escape(id)}"]`);
}

function highlight(id: string | undefined): void {
  highlighted = id;
  for (const el of canvas.querySelectorAll('.wf-highlight')) el.classList.remove('wf-highlight');
  if (!id) return;
  const el = nodeElement(id);
  if (!el) return;
  el.classList.add('wf-highlight');
  // Bring it into view only when it is outside: the user's scroll position otherwise stays.
  const box = el.getBoundingClientRect();
  const view = viewport.getBoundingClientRect();
  if (box.right < view.left || box.left > view.right || box.bottom < view.top || box.top > view.bottom) {
    viewport.scrollLeft += box.left - view.left - view.width / 2 + box.width / 2;
    viewport.scrollTop += box.top - view.top - view.height / 2 + box.height / 2;
  }
}

function draw(message: Extract<ToWebview, { type: 'graph' }>): void {
  const scroll = { x: viewport.scrollLeft, y: viewport.scrollTop };
  // The SVG comes from our renderer in the extension, which escapes every text it writes.
  canvas.innerHTML = message.svg;
  if (state.uri !== message.uri) {
    state = { ...state, uri: message.uri };
    vscode.setState(state);
  }
  title.textContent = message.title;
  const el = svg();
  natural = { width: Number(el?.getAttribute('width') ?? 0), height: Number(el?.getAttribute('height') ?? 0) };
  applyZoom();
  const first = !drawnOnce;
  drawnOnce = true;
  if (first && state.zoom === undefined && natural.width > viewport.clientWidth) {
    // A first drawing wider than the panel starts fitted; after that the user's zoom is kept.
    fit();
  } else if (restoredScroll) {
    viewport.scrollLeft = state.scrollX ?? 0;
    viewport.scrollTop = state.scrollY ?? 0;
    restoredScroll = false;
  } else {
    viewport.scrollLeft = scroll.x;
    viewport.scrollTop = scroll.y;
  }
  showBanner(message.banner);
  if (highlighted) highlight(highlighted);
  vscode.postMessage({ type: 'drawn', nodes: message.nodes });
}

/** The palette with every CSS variable resolved to the theme's current colour, for a standalone file. */
function resolvedPalette(): GraphPalette {
  const probe = document.createElement('span');
  document.body.appendChild(probe);
  const out = {} as GraphPalette;
  for (const key of Object.keys(VSCODE_PALETTE) as (keyof GraphPalette)[]) {
    if (key === 'font') {
      out.font = getComputedStyle(document.body).fontFamily || 'sans-serif';
      continue;
    }
    probe.style.color = VSCODE_PALETTE[key];
    out[key] = getComputedStyle(probe).color;
  }
  probe.remove();
  return out;
}

function standaloneSvg(): string {
  const el = svg();
  if (!el) throw new Error('nothing is drawn yet');
  const copy = el.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(natural.width));
  copy.setAttribute('height', String(natural.height));
  for (const h of copy.querySelectorAll('.wf-highlight')) h.classList.remove('wf-highlight');
  const ns = 'http://www.w3.org/2000/svg';
  const palette = resolvedPalette();
  const style = document.createElementNS(ns, 'style');
  style.textContent = graphCss(palette);
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('class', 'wf-bg');
  bg.setAttribute('width', String(natural.width));
  bg.setAttribute('height', String(natural.height));
  copy.insertBefore(bg, copy.firstChild?.nextSibling ?? null);
  copy.insertBefore(style, bg);
  return new XMLSerializer().serializeToString(copy);
}

async function exportAs(format: 'svg' | 'png'): Promise<void> {
  try {
    const text = standaloneSvg();
    if (format === 'svg') {
      vscode.postMessage({ type: 'exported', format, data: text });
      return;
    }
    const image = new Image();
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the drawing could not be rendered to an image'));
    });
    image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(text)))}`;
    await loaded;
    const scale = 2;
    const c = document.createElement('canvas');
    c.width = Math.ceil(natural.width * scale);
    c.height = Math.ceil(natural.height * scale);
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('the webview has no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0);
    vscode.postMessage({ type: 'exported', format, data: c.toDataURL('image/png') });
  } catch (e) {
    vscode.postMessage({ type: 'exportFailed', message: e instanceof Error ? e.message : String(e) });
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  switch (m.type) {
    case 'graph':
      draw(m);
      break;
    case 'banner':
      showBanner(m.text);
      break;
    case 'highlight':
      highlight(m.id);
      break;
    case 'export':
      void exportAs(m.format);
      break;
  }
});

const idAt = (target: EventTarget | null): string | undefined => (target instanceof Element ? target.closest('.wf-node')?.getAttribute('data-id') ?? undefined : undefined);
canvas.addEventListener('click', (e) => {
  const id = idAt(e.target);
  if (id && !dragged) vscode.postMessage({ type: 'reveal', id });
});
canvas.addEventListener('dblclick', (e) => {
  const id = idAt(e.target);
  if (id) vscode.postMessage({ type: 'open', id });
});

// Ctrl/Cmd + wheel zooms around the pointer; the wheel alone scrolls (the viewport's own scrolling).
viewport.addEventListener('wheel', (e) => {
  if (!e.ctrlKey && !e.metaKey) return;
  e.preventDefault();
  const rect = viewport.getBoundingClientRect();
  setZoom(zoom * Math.exp(-e.deltaY / 300), e.clientX - rect.left, e.clientY - rect.top);
}, { passive: false });

// Dragging the background pans.
let drag: { x: number; y: number; left: number; top: number } | undefined;
let dragged = false;
viewport.addEventListener('pointerdown', (e) => {
  if (e.button !== 0) return;
  drag = { x: e.clientX, y: e.clientY, left: viewport.scrollLeft, top: viewport.scrollTop };
  dragged = false;
});
window.addEventListener('pointermove', (e) => {
  if (!drag) return;
  const dx = e.clientX - drag.x;
  const dy = e.clientY - drag.y;
  if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
  dragged = true;
  viewport.classList.add('panning');
  viewport.scrollLeft = drag.left - dx;
  viewport.scrollTop = drag.top - dy;
});
window.addEventListener('pointerup', () => {
  drag = undefined;
  viewport.classList.remove('panning');
});

let saveTimer: number | undefined;
viewport.addEventListener('scroll', () => {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = window.setTimeout(save, 150);
});

window.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey)) return;
  if (e.key === '=' || e.key === '+') setZoom(zoom * 1.2);
  else if (e.key === '-') setZoom(zoom / 1.2);
  else if (e.key === '0') setZoom(1);
  else return;
  e.preventDefault();
});

document.getElementById('zoom-in')!.addEventListener('click', () => setZoom(zoom * 1.2));
document.getElementById('zoom-out')!.addEventListener('click', () => setZoom(zoom / 1.2));
document.getElementById('zoom-reset')!.addEventListener('click', () => setZoom(1));
document.getElementById('zoom-fit')!.addEventListener('click', fit);
document.getElementById('export-svg')!.addEventListener('click', () => vscode.postMessage({ type: 'exportRequest', format: 'svg' }));
document.getElementById('export-png')!.addEventListener('click', () => vscode.postMessage({ type: 'exportRequest', format: 'png' }));

vscode.postMessage({ type: 'ready' });
