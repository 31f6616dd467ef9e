// Command ids, the view type and setting keys of the graph view: light, so menus, the CodeLens and
// the serializer can name them without loading the feature.

export const GRAPH_COMMANDS = {
  show: 'awsWorkflows.showGraph',
  showDeployed: 'awsWorkflows.explorer.showGraph',
  exportSvg: 'awsWorkflows.graph.exportSvg',
  exportPng: 'awsWorkflows.graph.exportPng',
} as const;

export const GRAPH_VIEW_TYPE = 'awsWorkflows.graph';

/** Set while the active editor is a template that declares a state machine: the editor title's Show Graph. */
export const TEMPLATE_WITH_STATE_MACHINES_CONTEXT = 'awsWorkflows.graph.isTemplateWithStateMachines';

export const GRAPH_SECTION = 'awsWorkflows.graph';
export const FOLLOW_CURSOR_KEY = 'followCursor';
export const GRAPH_SETTING_IDS = [`${GRAPH_SECTION}.${FOLLOW_CURSOR_KEY}`];

/** What the webview keeps with setState() and the serializer gets back after a reload. */
export interface GraphViewState {
  uri: string;
  zoom?: number;
  scrollX?: number;
  scrollY?: number;
}

/** Messages from the extension to the webview. */
export type ToWebview =
  | { type: 'graph'; uri: string; svg: string; title: string; banner?: string; nodes: number }
  | { type: 'banner'; text: string | undefined }
  | { type: 'highlight'; id: string | undefined }
  | { type: 'export'; format: 'svg' | 'png' };

/** Messages from the webview to the extension. */
export type FromWebview =
  | { type: 'ready' }
  /** A drawing is in the page (the first-paint figure). */
  | { type: 'drawn'; nodes: number }
  | { type: 'reveal'; id: string }
  | { type: 'open'; id: string }
  | { type: 'exportRequest'; format: 'svg' | 'png' }
  | { type: 'exported'; format: 'svg' | 'png'; data: string }
  | { type: 'exportFailed'; message: string };
