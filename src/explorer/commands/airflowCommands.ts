// Trigger DAG, Pause/Unpause DAG and Show Task Log, on the DAG and task instance nodes under an
// MWAA environment (calls through InvokeRestApi: src/airflow/restApi.ts). Loaded on first use.

import * as vscode from 'vscode';
import type { Command } from '../../common/commands';
import { UserCancelled } from '../../common/commands';
import { newRunId, parseTriggerConf } from '../../core/airflow/restApi';
import { DagNode } from '../nodes/airflow/dagNode';
import { TaskInstanceNode } from '../nodes/airflow/taskInstanceNode';
import { PAUSE_DAG_COMMAND, SHOW_TASK_LOG_COMMAND, TRIGGER_DAG_COMMAND, UNPAUSE_DAG_COMMAND } from './airflowCommandIds';
import type { ExplorerCommandContext } from './context';

/** At most this many log chunks per opening: a runaway log shows its beginning and says so. */
const MAX_LOG_CHUNKS = 50;

function dagNodeOf(node: unknown, title: string): DagNode {
  if (node instanceof DagNode) return node;
  throw new Error(`${title} works on a DAG in the AWS Workflows view: expand an MWAA environment and choose a DAG.`);
}

function confProblem(text: string): string | undefined {
  const parsed = parseTriggerConf(text);
  return 'problem' in parsed ? parsed.problem : undefined;
}

export function triggerDagCommand(): Command {
  return {
    id: TRIGGER_DAG_COMMAND,
    /** `options.conf` (JSON text) skips the input box: tests and keybindings. */
    execute: async (node?: unknown, options?: { conf?: string }) => {
      const dag = dagNodeOf(node, 'Trigger DAG');
      const text =
        options?.conf ??
        (await vscode.window.showInputBox({
          title: `Trigger ${dag.dagId} on ${dag.api.name}`,
          prompt: 'Conf for the run, as a JSON object (empty for none)',
          value: '{}',
          validateInput: confProblem,
        }));
      if (text === undefined) throw new UserCancelled();
      const parsed = parseTriggerConf(text);
      if ('problem' in parsed) throw new Error(`Did not trigger ${dag.dagId}: ${parsed.problem}`);
      const run = await dag.api.trigger(dag.dagId, newRunId(), parsed.conf);
      dag.watchRuns();
      void vscode.window.showInformationMessage(`Triggered ${dag.dagId} on ${dag.api.name}: run ${run.runId} is ${run.state}.`);
      return run;
    },
  };
}

function setPausedCommand(id: string, paused: boolean): Command {
  return {
    id,
    execute: async (node?: unknown) => {
      const dag = dagNodeOf(node, paused ? 'Pause DAG' : 'Unpause DAG');
      const now = await dag.api.setPaused(dag.dagId, paused);
      dag.setPaused(now);
      return now;
    },
  };
}

export const pauseDagCommand = (): Command => setPausedCommand(PAUSE_DAG_COMMAND, true);
export const unpauseDagCommand = (): Command => setPausedCommand(UNPAUSE_DAG_COMMAND, false);

/** The log of one try of a task instance, in a read-only editor; asks which try when there were several. */
export function showTaskLogCommand(cmd: ExplorerCommandContext): Command {
  return {
    id: SHOW_TASK_LOG_COMMAND,
    execute: async (node?: unknown, tryNumber?: number) => {
      if (!(node instanceof TaskInstanceNode)) throw new Error('Show Task Log works on a task instance in the AWS Workflows view: expand a DAG run and choose a task.');
      const { task, dagId, runId } = node.item;
      if (task.tryNumber < 1) throw new Error(`${task.taskId} in run ${runId} has not started, so it has no log yet.`);
      const attempt = tryNumber ?? (await pickTry(task.taskId, task.tryNumber));
      const lines: string[] = [];
      let token: string | undefined;
      let chunks = 0;
      let truncated = false;
      do {
        const chunk = await node.api.readLog(dagId, runId, task.taskId, attempt, token);
        lines.push(...chunk.lines);
        token = chunk.lines.length > 0 ? chunk.continuationToken : undefined;
        if (++chunks >= MAX_LOG_CHUNKS && token) truncated = true;
      } while (token && !truncated);
      const header = `# ${dagId} · run ${runId} · ${task.taskId} · try ${attempt} of ${task.tryNumber} · ${task.state ?? 'no state'} (MWAA environment ${node.api.name}, ${node.api.region})`;
      const footer = truncated ? [`# … the log goes on; open it in the Airflow UI for the rest.`] : task.state === 'running' && attempt === task.tryNumber ? ['# The task is still running: show the log again for more.'] : [];
      const text = [header, ...lines, ...footer].join('\n') + '\n';
      const uri = cmd.definitions.publish(node.api.region, `airflow-logs/${node.api.name}`, `${dagId}.${runId}.${task.taskId}.${attempt}.log`, text);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
      return { uri: uri.toString(), lines: lines.length };
    },
  };
}

async function pickTry(taskId: string, tries: number): Promise<number> {
  if (tries === 1) return 1;
  const picked = await vscode.window.showQuickPick(
    Array.from({ length: tries }, (_, i) => ({ label: `Try ${tries - i}`, description: i === 0 ? 'latest' : undefined, attempt: tries - i })),
    { title: `Log of ${taskId}`, placeHolder: 'Which try?' },
  );
  if (!picked) throw new UserCancelled();
  return picked.attempt;
}

/** The four commands, for registerLazyCommands. */
export function airflowCommands(cmd: ExplorerCommandContext): Command[] {
  return [triggerDagCommand(), pauseDagCommand(), unpauseDagCommand(), showTaskLogCommand(cmd)];
}
