// Start Run (a version, override parameters checked against the DAG's params), Stop Run (after a
// confirmation) and Show Task Log on MWAA Serverless workflows, runs and task instances. Loaded on
// the first use of one of them, with the run nodes' code and the task log documents.

import * as vscode from 'vscode';
import type { Command } from '../../common/commands';
import { UserCancelled } from '../../common/commands';
import { checkOverrideParameters, defaultParametersText, type DagParams } from '../../core/dag/params';
import { TaskLogDocuments } from '../../taskLogs/taskLogDocuments';
import { formatTime, shortVersion } from '../model/resources';
import { canStopRun, listVersionChoices, startServerlessRun, stopServerlessRun, workflowParams } from '../model/serverlessRuns';
import { ServerlessRunListNode, ServerlessRunNode, ServerlessTaskNode } from '../nodes/serverless/workflowChildren';
import type { ResourceNode } from '../nodes/resourceNode';
import type { Logger } from '../../core/log';
import type { ExplorerCommandContext } from './context';
import { LOAD_OLDER_LOG_LINES_COMMAND, SHOW_SERVERLESS_TASK_LOG_COMMAND, START_RUN_COMMAND, STOP_RUN_COMMAND } from './airflowCommandIds';
import { resolveResource } from './target';

export interface StartRunOptions {
  /** A workflow version; skips the version picker ('latest' for the latest). */
  version?: string;
  /** Override parameters as JSON text; skips the input box ('' for none). */
  parameters?: string;
}

export function startRunCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: START_RUN_COMMAND,
    execute: async (node?: unknown, options: StartRunOptions = {}) => {
      const target = await resolveResource(cmd, node, ['mwaaServerlessWorkflow', 'mwaaServerlessVersion'], 'Start Run');
      const name = target.item.workflowName ?? target.item.name;
      const version = target.item.kind === 'mwaaServerlessVersion' ? target.item.workflowVersion : await pickVersion(cmd, target, options.version);
      const dag = await workflowParams(cmd.aws, target.item, version);
      let parameters: Record<string, unknown> | undefined;
      const text = options.parameters ?? (await askParameters(name, version, dag));
      if (text.trim()) {
        // Without readable params nothing can be checked: refuse rather than send unchecked names.
        if ('problem' in dag) throw new Error(`Did not start ${name}: ${dag.problem} Start it without override parameters, or fix the definition.`);
        const checked = checkOverrideParameters(text, dag);
        if ('problem' in checked) throw new Error(`Did not start ${name}: ${checked.problem}`);
        parameters = checked.parameters;
      }
      const run = await startServerlessRun(cmd.aws, target.item, { version, parameters });
      void vscode.window.showInformationMessage(`Started run ${run.runId} of ${name}${version ? ` (version ${shortVersion(version)})` : ''} in ${target.item.region}${run.status ? `: ${run.status}` : ''}.`);
      // The new run shows under "Recent runs", followed while it runs.
      const list = await runListOf(target);
      list?.watch();
      return run;
    },
  };
}

async function pickVersion(cmd: ExplorerCommandContext, workflow: ResourceNode, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) return given === 'latest' ? undefined : given;
  const versions = await listVersionChoices(cmd.aws, workflow.item.region, workflow.item.arn ?? '', workflow.item.name);
  if (versions.length <= 1) return undefined;
  type Item = vscode.QuickPickItem & { version?: string };
  const items: Item[] = versions.map((v) => ({
    label: v.isLatest ? `$(star-full) Latest version (${shortVersion(v.version)})` : shortVersion(v.version),
    description: v.createdAt ? formatTime(v.createdAt) : undefined,
    detail: v.isLatest ? undefined : v.version,
    version: v.isLatest ? undefined : v.version,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: `Start a run of ${workflow.item.name}`, placeHolder: 'Which version?' });
  if (!picked) throw new UserCancelled();
  return picked.version;
}

async function askParameters(name: string, version: string | undefined, dag: DagParams | { problem: string }): Promise<string> {
  const declared = 'problem' in dag ? undefined : Object.keys(dag.params);
  const text = await vscode.window.showInputBox({
    title: `Start a run of ${name}${version ? ` (version ${shortVersion(version)})` : ''}`,
    prompt: 'problem' in dag
      ? `Override parameters as JSON (empty for none). ${dag.problem}`
      : declared?.length
        ? `Override parameters as a JSON object; the DAG's params: ${declared.join(', ')}. Empty runs with the defaults.`
        : 'The DAG declares no params: leave this empty to start the run.',
    value: 'problem' in dag ? '' : defaultParametersText(dag),
    validateInput: (value) => {
      if (!value.trim() || 'problem' in dag) return undefined;
      const checked = checkOverrideParameters(value, dag);
      return 'problem' in checked ? checked.problem : undefined;
    },
  });
  if (text === undefined) throw new UserCancelled();
  return text;
}

/** The workflow's "Recent runs" node, if the tree has built it. */
async function runListOf(target: ResourceNode): Promise<ServerlessRunListNode | undefined> {
  const workflow = target.item.kind === 'mwaaServerlessWorkflow' ? target : target.parent?.parent;
  if (!workflow || !('getChildren' in workflow)) return undefined;
  const children = await (workflow as ResourceNode).getChildren();
  return children.find((c): c is ServerlessRunListNode => c instanceof ServerlessRunListNode);
}

export function stopRunCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: STOP_RUN_COMMAND,
    /** `options.confirmed` skips the confirmation (tests). */
    execute: async (node?: unknown, options?: { confirmed?: boolean }) => {
      if (!(node instanceof ServerlessRunNode)) throw new Error('Stop Run works on an MWAA Serverless run in the AWS Workflows view: expand a workflow\'s Recent runs and choose a run.');
      const { run, item } = node;
      if (!canStopRun(item.status)) throw new Error(`Run ${run.runId} of ${run.workflowName} is ${item.status ?? 'finished'}: only a starting, queued or running run can be stopped.`);
      if (!options?.confirmed) {
        const choice = await vscode.window.showWarningMessage(`Stop run ${run.runId} of ${run.workflowName}?`, { modal: true, detail: 'Its running tasks are cancelled and the tasks after them do not run.' }, 'Stop Run');
        if (choice !== 'Stop Run') throw new UserCancelled();
      }
      const status = await stopServerlessRun(cmd.aws, run);
      void vscode.window.showInformationMessage(`Stopping run ${run.runId} of ${run.workflowName}${status ? `: ${status}` : ''}.`);
      node.runList.watch();
      return status;
    },
  };
}

export function showTaskLogCommand(documents: () => TaskLogDocuments): Command {
  return {
    id: SHOW_SERVERLESS_TASK_LOG_COMMAND,
    execute: async (node?: unknown) => {
      if (!(node instanceof ServerlessTaskNode)) throw new Error('Show Task Log works on a task instance in the AWS Workflows view: expand an MWAA Serverless run and choose a task.');
      const { document, session } = await documents().open(node.task);
      return { uri: document.uri.toString(), lines: session.pager.lines.length, hasOlder: session.pager.hasOlder, following: session.following };
    },
  };
}

export function loadOlderCommand(documents: () => TaskLogDocuments): Command {
  return {
    id: LOAD_OLDER_LOG_LINES_COMMAND,
    execute: async (uri?: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target) throw new Error('Load Older Log Lines works on an open task log.');
      return documents().loadOlder(target);
    },
  };
}

/** The four commands, for registerLazyCommands; the task log documents are made on first use. */
export function serverlessCommands(cmd: ExplorerCommandContext, logger: Logger, subscriptions: vscode.Disposable[]): Command[] {
  let documents: TaskLogDocuments | undefined;
  const getDocuments = () => {
    if (!documents) {
      documents = new TaskLogDocuments(cmd.aws, logger);
      subscriptions.push(documents);
    }
    return documents;
  };
  return [startRunCommand(cmd), stopRunCommand(cmd), showTaskLogCommand(getDocuments), loadOlderCommand(getDocuments)];
}
