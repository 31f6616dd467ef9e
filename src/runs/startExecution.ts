// Start Execution, loaded on first use: the input comes from a saved input (a JSON file in the
// workspace, see core/runs/startInput.ts for the layout), the last one used, or a new one written in
// an editor; it is checked as JSON before anything is sent, and so is the optional name. Standard
// state machines open the new execution in the execution view; Express ones run synchronously
// (StartSyncExecution) and their result opens as a read-only document.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UserCancelled } from '../common/commands';
import { checkExecutionInput, executionNameProblem, inputNameProblem, MAX_INPUT_BYTES, savedInputName, savedInputsFolder } from '../core/runs/startInput';
import { isContained } from '../common/containment';
import { readBoundedTextFileSync } from '../files/read';
import type { ExplorerCommandContext } from '../explorer/commands/context';
import type { ResourceNode } from '../explorer/nodes/resourceNode';
// The ids from runs/ids.ts and explorer/commands/runCommands.ts, spelt out: importing those light
// modules from this lazy one would split the chunks activation loads (scripts/build.mjs).
const OPEN_EXECUTION_COMMAND = 'awsWorkflows.openExecution';
const START_EXECUTION_COMMAND = 'awsWorkflows.explorer.startExecution';
import { startStandard, startSync, stateMachineType, type StartTarget, type SyncResult } from './startCalls';

export interface StartExecutionOptions {
  /** The input JSON; skips the input prompt. */
  input?: string;
  /** A saved input's name (`.aws-workflows/inputs/<state machine>/<name>.json`); skips the input prompt. */
  savedInput?: string;
  /** The execution name ('' for a generated one); skips the name prompt. Without `input`/`savedInput`, there is no name prompt either. */
  executionName?: string;
  /** Open the new execution (Standard) or the result (Express). Default: when the user was asked for the input. */
  show?: boolean;
}

export interface StartedExecution {
  executionArn: string;
  startDate?: Date;
  /** Express: what StartSyncExecution answered. */
  sync?: SyncResult;
}

const LAST_INPUT_KEY = 'awsWorkflows.startExecution.lastInput';

function pick<T extends vscode.QuickPickItem>(cmd: ExplorerCommandContext, items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined> {
  return cmd.env.pick ? cmd.env.pick(items, options) : vscode.window.showQuickPick(items, options);
}

function ask(cmd: ExplorerCommandContext, options: vscode.InputBoxOptions): Thenable<string | undefined> {
  return cmd.env.ask ? cmd.env.ask(options) : vscode.window.showInputBox(options);
}

/** The workspace folder saved inputs go to and are read from; none when no folder is open. */
function inputsRoot(): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.[0];
}

interface SavedInput {
  name: string;
  file: string;
}

/** The state machine name the inputs are saved under: a version's or alias' state machine. */
function machineName(target: StartTarget): string {
  return (target.arn ?? '').split(':')[6] || target.name;
}

function inputsFolder(target: StartTarget): { root: string; dir: string } | undefined {
  const folder = inputsRoot();
  const rel = savedInputsFolder(machineName(target));
  if (!folder || folder.uri.scheme !== 'file' || !rel) return undefined;
  // The folder may be a link: what it leads to must still be inside the workspace folder.
  const dir = path.join(folder.uri.fsPath, ...rel.split('/'));
  return isContained([folder.uri.fsPath], dir) ? { root: folder.uri.fsPath, dir } : undefined;
}

/** The saved inputs: regular `*.json` files directly in the folder; links and anything leading outside are left out. */
export function listSavedInputs(target: StartTarget): SavedInput[] {
  const where = inputsFolder(target);
  if (!where) return [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(where.dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && !e.isSymbolicLink())
    .map((e) => ({ name: savedInputName(e.name), file: path.join(where.dir, e.name) }))
    .filter((s): s is SavedInput => s.name !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, 500);
}

/** A saved input's path, contained in the workspace folder (links followed), or a sentence why not. */
function savedInputPath(target: StartTarget, name: string): string {
  const problem = inputNameProblem(name);
  if (problem) throw new Error(`"${name}" is not a saved input name: ${problem}`);
  const where = inputsFolder(target);
  if (!where) throw new Error(`Saved inputs need a workspace folder: open the folder that holds ${savedInputsFolder(machineName(target)) ?? '.aws-workflows/inputs'}.`);
  const file = path.join(where.dir, `${name}.json`);
  if (!isContained([where.root], file)) throw new Error(`The saved input ${name} cannot be used: it leads outside the workspace folder ${where.root}.`);
  return file;
}

function readSavedInput(target: StartTarget, name: string): string {
  const file = savedInputPath(target, name);
  // A link, even to a file inside the workspace, is not read: saved inputs are plain files.
  if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) throw new Error(`The saved input ${name} is a symbolic link; saved inputs must be plain JSON files.`);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
  if (open) return open.getText();
  const read = readBoundedTextFileSync(file, MAX_INPUT_BYTES * 4);
  if (!read.ok) throw new Error(`The saved input ${name} cannot be read: ${read.reason}.`);
  return read.text;
}

function lastInputs(cmd: ExplorerCommandContext): Record<string, string> {
  return cmd.state?.get<Record<string, string>>(LAST_INPUT_KEY) ?? {};
}

async function rememberInput(cmd: ExplorerCommandContext, target: StartTarget, input: string): Promise<void> {
  const all = { ...lastInputs(cmd), [target.arn ?? target.name]: input };
  // Keep the 50 most recent state machines: workspace state is not the place for a history.
  const keys = Object.keys(all);
  for (const k of keys.slice(0, Math.max(0, keys.length - 50))) delete all[k];
  await cmd.state?.update(LAST_INPUT_KEY, all);
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

type InputChoice = vscode.QuickPickItem & { action: 'saved' | 'last' | 'new' | 'edit' | 'empty'; saved?: SavedInput };

/** Asks where the input comes from; answers the input text, or undefined when an editor was opened instead. */
async function askForInput(cmd: ExplorerCommandContext, node: ResourceNode, target: StartTarget): Promise<{ text: string; source: string } | undefined> {
  const saved = listSavedInputs(target);
  const last = lastInputs(cmd)[target.arn ?? target.name];
  const folder = savedInputsFolder(machineName(target));
  const items: InputChoice[] = [];
  if (saved.length) items.push({ label: 'Saved inputs', kind: vscode.QuickPickItemKind.Separator, action: 'saved' });
  for (const s of saved) items.push({ label: `$(json) ${s.name}`, description: `${folder}/${s.name}.json`, action: 'saved', saved: s });
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator, action: 'empty' });
  if (last !== undefined) items.push({ label: '$(history) Last used input', description: preview(last), action: 'last' });
  items.push({ label: '$(new-file) New input…', description: `saved in ${folder}`, action: 'new' });
  if (saved.length) items.push({ label: '$(edit) Edit…', description: 'open a saved input in the editor', action: 'edit' });
  items.push({ label: '$(circle-slash) Empty input', description: '{}', action: 'empty' });
  const picked = await pick(cmd, items, { title: `Start an execution of ${target.name}`, placeHolder: 'Choose the input' });
  if (!picked) throw new UserCancelled();
  switch (picked.action) {
    case 'saved':
      return { text: readSavedInput(target, picked.saved!.name), source: `The saved input ${picked.saved!.name}` };
    case 'last':
      return { text: last ?? '{}', source: 'The last used input' };
    case 'empty':
      return { text: '{}', source: 'The input' };
    case 'new':
      await newInput(cmd, node, target, last);
      return undefined;
    case 'edit': {
      const which = await pick(cmd, 
        saved.map((s) => ({ label: s.name, description: `${folder}/${s.name}.json`, saved: s })),
        { title: `Edit a saved input of ${target.name}` },
      );
      if (!which) throw new UserCancelled();
      await openForEditing(node, target, which.saved);
      return undefined;
    }
  }
}

/** Asks for a name, writes `{}` (or the last input) under it and opens it; the notification starts with it once edited. */
async function newInput(cmd: ExplorerCommandContext, node: ResourceNode, target: StartTarget, last: string | undefined): Promise<void> {
  const existing = new Set(listSavedInputs(target).map((s) => s.name));
  const name = await ask(cmd, {
    title: `Save a new input for ${target.name}`,
    prompt: `Saved as ${savedInputsFolder(machineName(target))}/<name>.json, a file you can commit`,
    placeHolder: 'happy-path',
    validateInput: (v) => inputNameProblem(v) ?? (existing.has(v) ? `${v} already exists; choose Edit… to change it.` : undefined),
  });
  if (name === undefined) throw new UserCancelled();
  const file = savedInputPath(target, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // 'wx': never overwrite (or write through) something that appeared meanwhile.
  try {
    fs.writeFileSync(file, last !== undefined && checkExecutionInput(last).ok ? `${prettyJson(last)}\n` : '{\n  \n}\n', { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`The input ${name} already exists for ${target.name}; choose Edit… to change it.`, { cause: err });
    throw new Error(`The input ${name} could not be saved in ${path.dirname(file)}: ${(err as Error).message}.`, { cause: err });
  }
  await openForEditing(node, target, { name, file });
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Opens a saved input; the notification's button saves it and starts the execution with it. */
async function openForEditing(node: ResourceNode, target: StartTarget, saved: SavedInput): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(saved.file));
  await vscode.window.showTextDocument(doc, { preview: false });
  const start = `Start with ${saved.name}`;
  void vscode.window.showInformationMessage(`Edit the input ${saved.name} for ${target.name}, then start the execution with it.`, start).then(async (choice) => {
    if (choice !== start) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === saved.file);
    if (open?.isDirty) await open.save();
    await vscode.commands.executeCommand(START_EXECUTION_COMMAND, node, { savedInput: saved.name, show: true } satisfies StartExecutionOptions);
  });
}

async function askForName(cmd: ExplorerCommandContext, target: StartTarget, express: boolean): Promise<string> {
  const name = await ask(cmd, {
    title: `Execution name for ${target.name} (optional)`,
    prompt: express ? 'Leave empty for a generated name.' : 'Leave empty for a generated name. A name stays taken for 90 days.',
    placeHolder: 'generated',
    validateInput: (v) => executionNameProblem(v),
  });
  if (name === undefined) throw new UserCancelled();
  return name;
}

export async function startExecutionFlow(cmd: ExplorerCommandContext, node: ResourceNode, options: StartExecutionOptions | undefined): Promise<StartedExecution | undefined> {
  const target: StartTarget = { kind: node.item.kind, region: node.item.region, name: node.item.name, arn: node.item.arn, type: node.item.type };
  const prompted = options?.input === undefined && options?.savedInput === undefined;
  let chosen: { text: string; source: string } | undefined;
  if (options?.input !== undefined) chosen = { text: options.input, source: 'The input' };
  else if (options?.savedInput !== undefined) chosen = { text: readSavedInput(target, options.savedInput), source: `The saved input ${options.savedInput}` };
  else chosen = await askForInput(cmd, node, target);
  if (!chosen) return undefined; // an editor opened for the input; its notification starts the execution

  const checked = checkExecutionInput(chosen.text, chosen.source);
  if (!checked.ok) throw new Error(checked.message);
  const type = await stateMachineType(cmd.aws, target);
  const express = type === 'EXPRESS';
  const name = options?.executionName ?? (prompted ? await askForName(cmd, target, express) : '');
  const nameProblem = executionNameProblem(name);
  if (nameProblem) throw new Error(`${nameProblem} Choose another execution name, or leave it empty.`);
  const show = options?.show ?? prompted;

  if (express) {
    const sync = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Running ${target.name} (Express, synchronous)…`, cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return startSync(cmd.aws, target, checked.text, name, abort.signal);
      },
    );
    await rememberInput(cmd, target, checked.text);
    if (show) await showSyncResult(cmd, target, sync);
    return { executionArn: sync.executionArn, startDate: sync.startDate, sync };
  }

  const started = await startStandard(cmd.aws, target, checked.text, name);
  await rememberInput(cmd, target, checked.text);
  // The new execution shows at the top of the node's Executions, if that list has been shown (a
  // change event for a node the tree has never drawn leaves it unable to draw it later).
  const list = node.parent ? node.executionList() : undefined;
  if (list?.listing.list.hasLoadedFirstPage) cmd.provider.refresh(list);
  if (show) await vscode.commands.executeCommand(OPEN_EXECUTION_COMMAND, { region: target.region, executionArn: started.executionArn });
  else void vscode.window.showInformationMessage(`Started execution ${started.executionArn.split(':').pop()} of ${target.name} in ${target.region}.`);
  return started;
}

/** The result of a synchronous Express execution as a read-only JSON document. */
function syncResultText(target: StartTarget, r: SyncResult): string {
  const parsed = (text: string | undefined) => {
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  };
  const body = {
    stateMachine: target.arn,
    executionArn: r.executionArn,
    status: r.status,
    ...(r.status === 'SUCCEEDED' ? { output: parsed(r.output) } : { error: r.error, cause: parsed(r.cause) }),
    input: parsed(r.input),
    startDate: r.startDate?.toISOString(),
    stopDate: r.stopDate?.toISOString(),
    billingDetails: r.billingDetails,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

async function showSyncResult(cmd: ExplorerCommandContext, target: StartTarget, r: SyncResult): Promise<void> {
  const uri = cmd.definitions.publish(target.region, 'sync-executions', `${machineName(target)}-${r.name ?? r.executionArn.split(':').pop()}.json`, syncResultText(target, r));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true });
  const billed = r.billingDetails ? ` (billed ${r.billingDetails.billedDurationInMilliseconds ?? '?'} ms, ${r.billingDetails.billedMemoryUsedInMB ?? '?'} MB)` : '';
  const what = `Express execution of ${target.name} in ${target.region}`;
  if (r.status === 'SUCCEEDED') void vscode.window.showInformationMessage(`${what} succeeded${billed}.`);
  else void vscode.window.showWarningMessage(`${what} ended ${r.status}${r.error ? `: ${r.error}` : ''}${billed}.`);
}
