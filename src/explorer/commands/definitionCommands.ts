import * as vscode from 'vscode';
import type { Command } from '../../common/commands';
import { UserCancelled } from '../../common/commands';
import { fetchDefinition, type DefinitionDocument } from '../model/details';
import type { ResourceKind } from '../model/resources';
import type { ResourceNode } from '../nodes/resourceNode';
import type { ExplorerCommandContext } from './context';
import { resolveResource } from './target';
import { OPEN_DEFINITION_COMMAND, DOWNLOAD_DEFINITION_COMMAND } from './commandIds';

const DEFINITION_KINDS: ResourceKind[] = ['stateMachine', 'stateMachineVersion', 'imageBuilderWorkflow', 'imageBuilderBuildVersion', 'mwaaServerlessWorkflow', 'mwaaServerlessVersion'];

async function load(cmd: ExplorerCommandContext, target: ResourceNode): Promise<DefinitionDocument> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Loading ${target.item.name}…` }, () => fetchDefinition(cmd.aws, target.item));
}

/** Opens the deployed definition read-only, with its language set so our diagnostics apply. */
export function openDefinitionCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: OPEN_DEFINITION_COMMAND,
    execute: async (node?: unknown): Promise<vscode.TextEditor> => {
      const target = await resolveResource(cmd, node, DEFINITION_KINDS, 'Open Definition');
      const doc = await load(cmd, target);
      const folder = target.item.kind + (target.item.version ? `-${target.item.version}` : '');
      const uri = cmd.definitions.publish(target.item.region, folder, doc.fileName, doc.text, target.item);
      let document = await vscode.workspace.openTextDocument(uri);
      if (document.languageId !== doc.language) document = await vscode.languages.setTextDocumentLanguage(document, doc.language);
      const editor = await vscode.window.showTextDocument(document, { preview: true });
      // What the service answered without the key is open; the sentence says what is missing and why.
      if (doc.unreadable) void vscode.window.showWarningMessage(doc.unreadable);
      return editor;
    },
  };
}

/** Saves the deployed definition as a file (save dialog, or `target` from tests and scripts). */
export function downloadDefinitionCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: DOWNLOAD_DEFINITION_COMMAND,
    execute: async (node?: unknown, target?: vscode.Uri): Promise<vscode.Uri> => {
      const resource = await resolveResource(cmd, node, DEFINITION_KINDS, 'Download Definition');
      const doc = await load(cmd, resource);
      if (doc.unreadable) throw new Error(`${doc.unreadable} Nothing was downloaded.`);
      let destination = target instanceof vscode.Uri ? target : undefined;
      if (!destination) {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        destination = await vscode.window.showSaveDialog({
          title: `Save the definition of ${resource.item.name}`,
          defaultUri: folder ? vscode.Uri.joinPath(folder, doc.fileName) : undefined,
          filters: doc.language === 'asl' ? { 'State machine (JSON)': ['json'] } : { YAML: ['yaml', 'yml'] },
        });
        if (!destination) throw new UserCancelled();
      }
      await vscode.workspace.fs.writeFile(destination, Buffer.from(doc.text, 'utf8'));
      await vscode.window.showTextDocument(destination);
      return destination;
    },
  };
}
