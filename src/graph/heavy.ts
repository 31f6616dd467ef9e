// The graph feature's heavy part, loaded on the first Show Graph or restore: panels per document,
// the commands, and opening a state machine that a Task starts.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Command } from '../common/commands';
import type { Logger } from '../core/log';
import { graphKindOf } from '../core/graph/index';
import { parseManifest } from '../core/manifest';
import { definitionStem } from '../core/names';
import { MANIFEST_FILE_NAME } from '../core/manifest/model';
import { OPEN_DEFINITION_COMMAND } from '../explorer/commands/commandIds';
import { GRAPH_COMMANDS, GRAPH_VIEW_TYPE, type GraphViewState } from './ids';
import { GraphPanel } from './panel';

export interface GraphFeature {
  commands: Command[];
  restore(panel: vscode.WebviewPanel, state: GraphViewState | undefined): Promise<void>;
}

export function createGraphFeature(deps: { extensionUri: vscode.Uri; logger: Logger }): GraphFeature {
  const panels = new Map<string, GraphPanel>();
  let lastActive: GraphPanel | undefined;

  const adopt = (panel: vscode.WebviewPanel, document: vscode.TextDocument): GraphPanel => {
    const graph = new GraphPanel(panel, document, { ...deps, openStateMachine });
    const key = document.uri.toString();
    panels.set(key, graph);
    lastActive = graph;
    panel.onDidChangeViewState((e) => { if (e.webviewPanel.active) lastActive = graph; });
    graph.onDidDispose(() => {
      if (panels.get(key) === graph) panels.delete(key);
      if (lastActive === graph) lastActive = undefined;
    });
    return graph;
  };

  const show = (document: vscode.TextDocument): GraphPanel => {
    const existing = panels.get(document.uri.toString());
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const fileName = path.basename(document.uri.path);
    if (!graphKindOf(fileName, document.getText())) {
      throw new Error(`${fileName} is not a Step Functions state machine, an MWAA Serverless DAG, an Image Builder workflow document or a template with a state machine, so there is no graph to show.`);
    }
    const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, `Graph: ${fileName}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, retainContextWhenHidden: false });
    return adopt(panel, document);
  };

  const exporter = (format: 'svg' | 'png') => async (target?: vscode.Uri): Promise<vscode.Uri | undefined> => {
    const graph = lastActive ?? [...panels.values()].pop();
    if (!graph) throw new Error('There is no graph to export: open a definition and run Show Graph first.');
    const data = await graph.export(format);
    let destination = target instanceof vscode.Uri ? target : undefined;
    if (!destination) {
      const base = definitionStem(graph.document.uri.path);
      const folder = graph.document.uri.scheme === 'file' ? vscode.Uri.joinPath(graph.document.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
      destination = await vscode.window.showSaveDialog({
        title: `Export the graph as ${format.toUpperCase()}`,
        defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${format}`) : undefined,
        filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      });
      if (!destination) return undefined;
    }
    const bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
    await vscode.workspace.fs.writeFile(destination, bytes);
    void vscode.window.showInformationMessage(`Graph exported to ${vscode.workspace.asRelativePath(destination)}.`);
    return destination;
  };

  return {
    commands: [
      {
        id: GRAPH_COMMANDS.show,
        execute: async (uri?: unknown) => {
          const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
          if (!target) throw new Error('Open a state machine, DAG or Image Builder workflow first, then run Show Graph.');
          return show(await vscode.workspace.openTextDocument(target));
        },
      },
      {
        id: GRAPH_COMMANDS.showDeployed,
        execute: async (node?: unknown) => {
          const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(OPEN_DEFINITION_COMMAND, node);
          return editor ? show(editor.document) : undefined;
        },
      },
      { id: GRAPH_COMMANDS.exportSvg, execute: exporter('svg') },
      { id: GRAPH_COMMANDS.exportPng, execute: exporter('png') },
    ],
    restore: async (panel, state) => {
      const uri = state?.uri ? vscode.Uri.parse(state.uri) : undefined;
      let document: vscode.TextDocument | undefined;
      try {
        document = uri ? await vscode.workspace.openTextDocument(uri) : undefined;
      } catch {
        document = undefined;
      }
      if (!document) {
        // The file is gone (or the state is from an older version): nothing to draw, so no empty panel.
        panel.dispose();
        return;
      }
      adopt(panel, document);
    },
  };
}

/** The definition of a state machine named by an ARN, from the workspace's aws-workflows.yaml, else by file name. */
async function openStateMachine(arn: string): Promise<void> {
  const name = /:stateMachine:([^:]+)/.exec(arn)?.[1];
  if (!name || name.includes('${')) throw new Error(`The state machine '${arn}' is computed at run time, so it cannot be opened from here.`);
  for (const manifestUri of await vscode.workspace.findFiles(`**/${MANIFEST_FILE_NAME}`, '**/node_modules/**', 10)) {
    const text = Buffer.from(await vscode.workspace.fs.readFile(manifestUri)).toString('utf8');
    const entry = parseManifest(text).manifest?.stateMachines.find((e) => e.name === name);
    const definition = entry?.spec.definition;
    if (definition) {
      await vscode.window.showTextDocument(vscode.Uri.joinPath(manifestUri, '..', definition), { viewColumn: vscode.ViewColumn.One });
      return;
    }
  }
  const [file] = await vscode.workspace.findFiles(`**/${name}.asl.{json,yaml,yml}`, '**/node_modules/**', 1);
  if (file) {
    await vscode.window.showTextDocument(file, { viewColumn: vscode.ViewColumn.One });
    return;
  }
  throw new Error(`The state machine '${name}' is not in this workspace: no aws-workflows.yaml entry and no ${name}.asl.json or .yaml file names it.`);
}
