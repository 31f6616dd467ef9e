// One webview panel per document: draws it with src/core/graph, redraws on edits and on new
// diagnostics (debounced like diagnostics), keeps the last good drawing with a banner while the
// document does not parse, and links nodes and text both ways.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { Logger } from '../core/log';
import { buildGraph, nodeLocator, type GraphFinding, type GraphModel, type GraphNode, type TemplateFileReader } from '../core/graph/index';
import type { Range, Severity } from '../core/findings';
import { layoutGraph } from '../core/graph/layout';
import { renderSvg } from '../core/graph/svg';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/convert';
import { DEFAULT_DEBOUNCE_MS, SETTING_KEYS, SETTING_SECTION } from '../diagnostics/settingKeys';
import { containedFileReader } from '../files/templateFiles';
import { graphHtml } from './html';
import { FOLLOW_CURSOR_KEY, GRAPH_COMMANDS, GRAPH_SECTION, type FromWebview, type GraphViewState, type ToWebview } from './ids';

const SEVERITIES: Record<vscode.DiagnosticSeverity, Severity> = { 0: 'error', 1: 'warning', 2: 'info', 3: 'hint' };

export interface PanelDeps {
  extensionUri: vscode.Uri;
  logger: Logger;
  /** Opens the definition of a state machine a Task starts, when the workspace has it. */
  openStateMachine(arn: string): Promise<void>;
}

export class GraphPanel extends Disposable {
  private model: GraphModel | undefined;
  private locate: ((offset: number) => GraphNode | undefined) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private highlighted: string | undefined;
  private pendingExport: { resolve(data: string): void; reject(e: Error): void } | undefined;
  /** Set when a drawing reached the webview: the e2e's first-paint figure and tests read it. */
  lastDrawn: { nodes: number; at: number } | undefined;
  private readonly disposedEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(readonly panel: vscode.WebviewPanel, readonly document: vscode.TextDocument, private readonly deps: PanelDeps) {
    super();
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(deps.extensionUri, 'dist')] };
    panel.title = `Graph: ${path.basename(document.uri.path)}`;
    const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'dist', 'graphView.js')).toString();
    webview.html = graphHtml({ scriptUri, title: panel.title });
    this._register(webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document && e.contentChanges.length) this.schedule();
    }));
    this._register(vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === document.uri.toString())) this.schedule();
    }));
    this._register(vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor.document === document) this.followCursor(e.selections[0]?.active);
    }));
    this._register(panel.onDidDispose(() => this.dispose()));
  }

  override dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.pendingExport?.reject(new Error('The graph was closed before the export finished.'));
    this.disposedEmitter.fire();
    super.dispose();
  }

  get html(): string {
    return this.panel.webview.html;
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const delay = vscode.workspace.getConfiguration(SETTING_SECTION).get<number>(SETTING_KEYS.debounceMs, DEFAULT_DEBOUNCE_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.draw();
    }, Math.max(0, delay));
  }

  /** Builds, lays out and sends the drawing; a document that does not parse keeps the last one. */
  draw(): void {
    const document = this.document;
    const findings: (GraphFinding & { range: Range })[] = vscode.languages.getDiagnostics(document.uri)
      .filter((d) => d.source === DIAGNOSTIC_SOURCE)
      .map((d) => ({
        code: typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code),
        severity: SEVERITIES[d.severity],
        message: d.message,
        range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
      }));
    let result;
    try {
      result = buildGraph({ fileName: path.basename(document.uri.path), text: document.getText(), findings, readFile: this.templateFileReader() });
    } catch (e) {
      this.deps.logger.error(`Drawing ${document.uri.toString(true)} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      this.post({ type: 'banner', text: `The graph could not be drawn: ${e instanceof Error ? e.message : String(e)}. Please report this as a bug.` });
      return;
    }
    if (!result.ok) {
      const text = result.reason === 'parse-error' ? `${result.message} The graph shows the last version that parsed.` : result.message;
      this.post({ type: 'banner', text: this.model || result.reason !== 'parse-error' ? text : `${result.message} Fix it to see the graph.` });
      return;
    }
    this.model = result.model;
    this.locate = nodeLocator(result.model);
    const svg = renderSvg(layoutGraph(result.model));
    const states = result.model.nodes.filter((n) => n.kind !== 'start' && n.kind !== 'end').length;
    this.post({ type: 'graph', uri: document.uri.toString(), svg, title: path.basename(document.uri.path), nodes: states });
    // Ids and offsets moved with the edit: find the node under the cursor again.
    this.highlighted = undefined;
    this.followCursor(vscode.window.visibleTextEditors.find((e) => e.document === document)?.selection.active);
  }

  /**
   * A template's DefinitionUri files: an open editor's text, else the file on disk, inside the
   * template's workspace folder (its own folder when it has none), as the template checks read them.
   */
  private templateFileReader(): TemplateFileReader | undefined {
    const uri = this.document.uri;
    if (uri.scheme !== 'file') return undefined;
    const root = vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
    const fromDisk = containedFileReader(path.dirname(uri.fsPath), [root]);
    return (rel) => {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path.resolve(path.dirname(uri.fsPath), rel));
      const read = fromDisk(rel);
      return read.ok && open ? { ok: true, text: open.getText() } : read;
    };
  }

  private followCursor(position: vscode.Position | undefined): void {
    if (!position || !this.locate || !vscode.workspace.getConfiguration(GRAPH_SECTION).get<boolean>(FOLLOW_CURSOR_KEY, true)) return;
    const id = this.locate(this.document.offsetAt(position))?.id;
    if (id === this.highlighted) return;
    this.highlighted = id;
    if (id === undefined && !this.model) return;
    this.post({ type: 'highlight', id });
  }

  private onMessage(m: FromWebview): void {
    switch (m.type) {
      case 'ready':
        this.draw();
        this.lastDrawn = undefined;
        break;
      case 'reveal':
        void this.reveal(m.id);
        break;
      case 'open':
        void this.open(m.id);
        break;
      case 'exported':
        this.pendingExport?.resolve(m.data);
        this.pendingExport = undefined;
        break;
      case 'exportFailed':
        this.pendingExport?.reject(new Error(`The graph could not be exported: ${m.message}.`));
        this.pendingExport = undefined;
        break;
      case 'exportRequest':
        void vscode.commands.executeCommand(m.format === 'svg' ? GRAPH_COMMANDS.exportSvg : GRAPH_COMMANDS.exportPng);
        break;
      case 'drawn':
        this.lastDrawn = { nodes: m.nodes, at: Date.now() };
        break;
    }
  }

  /** Selects the node's name in the editor beside the graph. */
  async reveal(id: string): Promise<void> {
    const node = this.model?.nodes.find((n) => n.id === id);
    if (!node?.source) return;
    const r = node.source.nameRange;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async open(id: string): Promise<void> {
    const node = this.model?.nodes.find((n) => n.id === id);
    if (node?.stateMachineArn) {
      try {
        await this.deps.openStateMachine(node.stateMachineArn);
      } catch (e) {
        void vscode.window.showInformationMessage(e instanceof Error ? e.message : String(e));
      }
    } else {
      await this.reveal(id);
    }
  }

  /** The drawing as a standalone file (theme colours resolved by the webview). */
  export(format: 'svg' | 'png'): Promise<string> {
    this.pendingExport?.reject(new Error('Another export started.'));
    return new Promise((resolve, reject) => {
      this.pendingExport = { resolve, reject };
      this.post({ type: 'export', format });
    });
  }

  viewState(): GraphViewState {
    return { uri: this.document.uri.toString() };
  }
}
