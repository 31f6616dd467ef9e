// The deploy commands: one { id, execute } each, registered in register.ts.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Command } from '../common/commands';
import { UserCancelled } from '../common/commands';
import type { Finding } from '../core/findings';
import { detectKind } from '../core/kind';
import { deployNameOf } from '../core/names';
import type { Logger } from '../core/log';
import { MANIFEST_FILE_NAME } from '../core/manifest/model';
import {
  entriesForFile, KIND_LABELS, targetOf, targetsOf, validateStateMachineWithService,
  type DeployClients, type DeployResult, type DeployTarget,
} from './engine';
import type { ManifestCache } from './manifestCache';
import type { DeployRunner } from './runner';
import { COMMAND_IDS } from './settings';
import { runWizard } from './wizard';
import { editorFirstFiles, findManifestFor, UNTRUSTED_MESSAGE, type WorkspaceTrust } from './workspace';

export interface DeployFeature {
  clients: DeployClients;
  logger: Logger;
  runner: DeployRunner;
  manifests: ManifestCache;
  state: vscode.Memento;
  serviceDiagnostics: vscode.DiagnosticCollection;
  trust: WorkspaceTrust;
}

/** Every deploy command, each refusing in an untrusted workspace: they act with the user's AWS credentials. */
export function deployCommands(feature: DeployFeature): Command[] {
  return [deployFromFileCommand(feature), deployAllCommand(feature), validateWithServiceCommand(feature)].map((c) => trustGuarded(c, feature.trust));
}

/**
 * The runtime guard behind the commands' `enablement`: a keybinding, another extension or a
 * stale CodeLens can still execute a command, so the check runs again before anything is read or sent.
 */
export function trustGuarded(command: Command, trust: WorkspaceTrust): Command {
  return {
    id: command.id,
    execute(...args: unknown[]): unknown {
      if (trust.isTrusted()) return command.execute(...args);
      void vscode.window.showWarningMessage(UNTRUSTED_MESSAGE, 'Manage Workspace Trust').then((c) => {
        if (c) void vscode.commands.executeCommand('workbench.trust.manage');
      });
      return undefined;
    },
  };
}

function fileUri(arg: unknown): vscode.Uri {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file') {
    throw new Error('Open a definition on disk (a state machine, an Image Builder workflow or an MWAA Serverless DAG) to deploy it.');
  }
  return uri;
}

/** The target a file deploys as: its manifest entry (asked when several), else the wizard's answers. */
async function targetForFile(feature: DeployFeature, uri: vscode.Uri, entryName?: string): Promise<DeployTarget> {
  const region = await feature.clients.getRegion();
  const manifestPath = await findManifestFor(uri);
  const loaded = manifestPath ? feature.manifests.get(manifestPath, region) : undefined;
  let entries = loaded ? entriesForFile(loaded, uri.fsPath) : [];
  if (entryName) entries = entries.filter((e) => e.name === entryName);
  if (loaded && entries.length === 1) return targetOf(loaded, entries[0], region);
  if (loaded && entries.length > 1) {
    const picked = await vscode.window.showQuickPick(entries.map((e) => ({ label: e.name, description: KIND_LABELS[e.kind], entry: e })), { title: 'Several entries use this file: which one?' });
    if (!picked) throw new UserCancelled();
    return targetOf(loaded, picked.entry, region);
  }
  const text = await editorFirstFiles.readText(uri.fsPath);
  return runWizard({ uri, text, region, manifestPath, state: feature.state });
}

function deployFromFileCommand(feature: DeployFeature): Command {
  return {
    id: COMMAND_IDS.deployFromFile,
    async execute(arg?: unknown, entryName?: unknown): Promise<DeployResult | undefined> {
      const uri = fileUri(arg);
      if (path.basename(uri.fsPath) === MANIFEST_FILE_NAME) {
        return (await vscode.commands.executeCommand<DeployResult[] | undefined>(COMMAND_IDS.deployAll))?.[0];
      }
      const target = await targetForFile(feature, uri, typeof entryName === 'string' ? entryName : undefined);
      return feature.runner.deployOne(target);
    },
  };
}

function deployAllCommand(feature: DeployFeature): Command {
  return {
    id: COMMAND_IDS.deployAll,
    /** `names` (optional) deploys those entries without asking, for tests and keybindings. */
    async execute(arg?: unknown, names?: unknown): Promise<DeployResult[] | undefined> {
      const region = await feature.clients.getRegion();
      const manifestPath = await findManifestFor(arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri);
      if (!manifestPath) throw new Error(`There is no ${MANIFEST_FILE_NAME} in this workspace. Deploy a definition with "Create or Update Workflow from This File" and save its settings to create one.`);
      const loaded = feature.manifests.get(manifestPath, region);
      if (!loaded) throw new Error(`${MANIFEST_FILE_NAME} could not be read.`);
      const all = targetsOf(loaded, region);
      if (all.length === 0) throw new Error(`${vscode.workspace.asRelativePath(manifestPath)} has no entries to deploy.`);
      let chosen: DeployTarget[];
      if (Array.isArray(names)) {
        chosen = all.filter((t) => names.includes(t.name));
      } else {
        const picked = await vscode.window.showQuickPick(
          all.map((t) => ({ label: t.name, description: `${KIND_LABELS[t.kind]} · ${t.region}`, picked: true, target: t })),
          { title: 'Deploy from aws-workflows.yaml', placeHolder: 'Everything is selected; clear what should not be deployed', canPickMany: true, ignoreFocusOut: true },
        );
        if (!picked || picked.length === 0) throw new UserCancelled();
        chosen = picked.map((p) => p.target);
      }
      return feature.runner.deployMany(chosen);
    },
  };
}

function toDiagnostic(f: Finding, source: string): vscode.Diagnostic {
  const r = f.range;
  const severity = f.severity === 'error' ? vscode.DiagnosticSeverity.Error : f.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const d = new vscode.Diagnostic(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), f.message, severity);
  d.source = source;
  d.code = f.code;
  return d;
}

function validateWithServiceCommand(feature: DeployFeature): Command {
  return {
    id: COMMAND_IDS.validateWithService,
    async execute(arg?: unknown): Promise<{ result: string; findings: Finding[] } | DeployResult | undefined> {
      const uri = fileUri(arg);
      const text = await editorFirstFiles.readText(uri.fsPath);
      const region = await feature.clients.getRegion();
      const manifestPath = await findManifestFor(uri);
      const loaded = manifestPath ? feature.manifests.get(manifestPath, region) : undefined;
      const [entry] = loaded ? entriesForFile(loaded, uri.fsPath) : [];
      const kind = entry?.kind ?? detectKind(uri.fsPath, text, loaded?.parsed.manifest);
      if (kind === 'stateMachine') {
        const target = entry && loaded ? targetOf(loaded, entry, region) : undefined;
        const type = target?.kind === 'stateMachine' ? target.spec.type : undefined;
        const out = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Validating with Step Functions' }, () =>
          validateStateMachineWithService(feature.clients, { fileName: uri.fsPath, text, region: target?.region, type }));
        feature.serviceDiagnostics.set(uri, out.findings.map((f) => toDiagnostic(f, 'Step Functions')));
        const errors = out.findings.filter((f) => f.severity === 'error').length;
        if (out.result === 'OK' && out.findings.length === 0) void vscode.window.showInformationMessage(`Step Functions (${out.region}) accepts this definition.`);
        else void vscode.window.showWarningMessage(`Step Functions (${out.region}) reports ${errors} error${errors === 1 ? '' : 's'} and ${out.findings.length - errors} warning${out.findings.length - errors === 1 ? '' : 's'}; see the Problems view.`);
        return { result: out.result, findings: out.findings };
      }
      if (kind === 'imageBuilderWorkflow' || kind === 'airflowWorkflow') {
        const target: DeployTarget = entry && loaded
          ? targetOf(loaded, entry, region)
          : {
            kind, name: deployNameOf(uri.fsPath), region, spec: kind === 'imageBuilderWorkflow' ? { type: 'BUILD' } : {}, defaults: loaded?.parsed.manifest.defaults ?? {},
            definitionPath: uri.fsPath, definitionRelPath: path.basename(uri.fsPath),
          } as DeployTarget;
        return feature.runner.deployOne(target, true);
      }
      throw new Error(`${path.basename(uri.fsPath)} is not a state machine, Image Builder workflow or MWAA Serverless DAG, so there is nothing to validate.`);
    },
  };
}
