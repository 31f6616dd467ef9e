// Run Locally: an execution of the open state machine definition on the local emulator
// (awsWorkflows.emulatorEndpoint, e.g. the sandbox's). The state machine is created there (or its
// definition updated) under the file's name, the `<name>.mocks.json` beside it is sent as its Task
// mocks (and sent again whenever it is saved, so a failed run can be redriven once its mock is
// fixed), and the execution opens in the execution view. Loaded on first use (src/runs/register.ts).

import * as path from 'node:path';
import * as vscode from 'vscode';
import { callAws, toAwsActionError } from '../aws/errors';
import type { Command } from '../common/commands';
import { UserCancelled } from '../common/commands';
import { detectKind } from '../core/kind';
import { definitionStem } from '../core/names';
import type { Logger } from '../core/log';
import { checkExecutionInput } from '../core/runs/startInput';
import { toStateMachineJson } from '../deploy/engine/definition';
import type { ExplorerAws } from '../explorer/model/listing';
import { checkEmulatorEndpoint, readEmulatorEndpoint } from './emulatorEndpoint';
import { EMULATOR_ENDPOINT_SETTING, RUN_LOCALLY_COMMAND } from './ids';
import type { ExecutionViewState } from './protocol';
import { findStateMachineByName } from './startCalls';

/** The emulator takes any role; this one says where the state machine came from. */
const LOCAL_ROLE_ARN = 'arn:aws:iam::000000000000:role/aws-workflows-run-locally';
const MOCKS_MAX_BYTES = 1024 * 1024;
const CONTROL_TIMEOUT_MS = 10_000;
const INPUT_KEY = 'awsWorkflows.runLocally.lastInput';

export interface RunLocallyDeps {
  logger: Logger;
  /** The region executions run in: the session's (the emulator keeps regions apart as AWS does). */
  region(): Promise<string>;
  /** The emulator's session for `endpoint` (test keys, no AWS config). */
  localAws(): ExplorerAws;
  openExecution(ref: ExecutionViewState): Thenable<unknown>;
  state: vscode.Memento;
}

export interface RunLocallyOptions {
  /** The execution input (JSON); asked for when not given. */
  input?: string;
}

export interface LocalRun {
  stateMachineArn: string;
  executionArn: string;
  region: string;
  mocks?: string;
}

export class RunLocally implements vscode.Disposable {
  /** Mock files sent for a local run: saving one sends it again. */
  private readonly synced = new Map<string, { endpoint: string; region: string; name: string }>();
  private readonly saves: vscode.Disposable;

  constructor(private readonly deps: RunLocallyDeps) {
    this.saves = vscode.workspace.onDidSaveTextDocument((doc) => {
      const target = this.synced.get(doc.uri.toString());
      if (!target || readEmulatorEndpoint() === undefined) return;
      this.sendMocks(target.endpoint, target.region, target.name, doc.uri).then(
        (sent) => sent && this.deps.logger.info(`run locally: ${sent}`),
        (err: unknown) => void vscode.window.showWarningMessage(err instanceof Error ? err.message : String(err)),
      );
    });
  }

  command(): Command {
    return { id: RUN_LOCALLY_COMMAND, execute: (arg?: unknown, options?: RunLocallyOptions) => this.run(arg, options) };
  }

  async run(arg?: unknown, options: RunLocallyOptions = {}): Promise<LocalRun> {
    const configured = readEmulatorEndpoint();
    if (!configured) {
      throw new Error(`Run Locally needs a local emulator: set ${EMULATOR_ENDPOINT_SETTING} in your user settings to its address (npm start's sandbox sets it).`);
    }
    const checked = checkEmulatorEndpoint(configured);
    if ('problem' in checked) throw new Error(checked.problem);
    const endpoint = checked.url;

    const document = await this.definitionDocument(arg);
    const fileName = path.basename(document.uri.path);
    if (detectKind(fileName, document.getText()) !== 'stateMachine') {
      throw new Error(`Run Locally runs a Step Functions state machine definition; ${fileName} is not one.`);
    }
    const name = definitionStem(fileName);
    const definition = toStateMachineJson(document.getText(), fileName);
    const checkedInput = checkExecutionInput(options.input ?? (await this.askInput(document.uri)));
    if (!checkedInput.ok) throw new Error(checkedInput.message);
    const input = checkedInput.text;
    const region = await this.deps.region();
    const aws = this.deps.localAws();

    const run = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Running ${name} on the local emulator` }, async () => {
      const stateMachineArn = await this.createOrUpdate(aws, region, name, definition);
      const mocksUri = vscode.Uri.joinPath(document.uri, '..', `${name}.mocks.json`);
      const mocks = await this.sendMocks(endpoint, region, name, mocksUri);
      if (mocks) this.synced.set(mocksUri.toString(), { endpoint, region, name });
      const { executionArn } = await callAws({ service: 'states', operation: 'StartExecution', region, resource: name, endpoint }, async () => {
        const { client, sdk } = await aws.sfn(region);
        return client.send(new sdk.StartExecutionCommand({ stateMachineArn, input }));
      });
      if (!executionArn) throw new Error(`The emulator at ${endpoint} started no execution of ${name}.`);
      return { stateMachineArn, executionArn, region, mocks };
    });
    this.deps.logger.info(`run locally: ${name} at ${endpoint} → ${run.executionArn}${run.mocks ? ` (${run.mocks})` : ' (no mocks file)'}`);
    await this.deps.openExecution({ region, executionArn: run.executionArn, local: true });
    return run;
  }

  dispose(): void {
    this.saves.dispose();
  }

  private async definitionDocument(arg: unknown): Promise<vscode.TextDocument> {
    if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
    const editor = vscode.window.activeTextEditor;
    if (!editor) throw new Error('Open a state machine definition (.asl.json or .asl.yaml) to run it locally.');
    return editor.document;
  }

  private async askInput(uri: vscode.Uri): Promise<string> {
    const remembered = this.deps.state.get<Record<string, string>>(INPUT_KEY) ?? {};
    const input = await vscode.window.showInputBox({
      title: `Run ${definitionStem(uri.path)} locally`,
      prompt: 'Execution input (JSON)',
      value: remembered[uri.toString()] ?? '{}',
      validateInput: (text) => {
        const checked = checkExecutionInput(text);
        return checked.ok ? undefined : checked.message;
      },
    });
    if (input === undefined) throw new UserCancelled();
    await this.deps.state.update(INPUT_KEY, { ...remembered, [uri.toString()]: input });
    return input;
  }

  /** Creates the state machine, or updates its definition when one of that name is there already. */
  private async createOrUpdate(aws: ExplorerAws, region: string, name: string, definition: string): Promise<string> {
    const { client, sdk } = await aws.sfn(region);
    const ctx = { service: 'states' as const, region, resource: name };
    try {
      const created = await client.send(new sdk.CreateStateMachineCommand({ name, definition, roleArn: LOCAL_ROLE_ARN }));
      return created.stateMachineArn!;
    } catch (err) {
      if ((err as { name?: string }).name !== 'StateMachineAlreadyExists') throw toAwsActionError(err, { ...ctx, operation: 'CreateStateMachine' });
    }
    const arn = (await findStateMachineByName(aws, region, name))?.stateMachineArn;
    if (!arn) throw new Error(`The emulator says ${name} exists but does not list it.`);
    await callAws({ ...ctx, operation: 'UpdateStateMachine' }, () => client.send(new sdk.UpdateStateMachineCommand({ stateMachineArn: arn, definition, roleArn: LOCAL_ROLE_ARN })));
    return arn;
  }

  /** Sends the mock file to the emulator's control endpoint; answers what was sent, or undefined without a file. */
  private async sendMocks(endpoint: string, region: string, name: string, file: vscode.Uri): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
      const stat = await vscode.workspace.fs.stat(file);
      if (stat.size > MOCKS_MAX_BYTES) throw new Error(`${path.basename(file.path)} is over ${MOCKS_MAX_BYTES / 1024} KB; the mocks were not sent.`);
      bytes = await vscode.workspace.fs.readFile(file);
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
      throw err;
    }
    let mocks: unknown;
    try {
      mocks = JSON.parse(new TextDecoder().decode(bytes));
    } catch (err) {
      throw new Error(`${path.basename(file.path)} is not valid JSON (${(err as Error).message}); fix it and run again.`, { cause: err });
    }
    const url = `${endpoint}/_emulator/mocks/${encodeURIComponent(region)}/${encodeURIComponent(name)}`;
    let res: Response;
    try {
      res = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(mocks), signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS) });
    } catch (err) {
      throw new Error(`Could not send ${path.basename(file.path)} to the emulator at ${endpoint} (${(err as Error).message}); is it running?`, { cause: err });
    }
    if (!res.ok) {
      const detail = ((await res.json().catch(() => ({}))) as { error?: string }).error;
      throw new Error(`The emulator at ${endpoint} did not take ${path.basename(file.path)} (HTTP ${res.status}${detail ? `: ${detail}` : ''}); mocks need the workflows emulator (npm start or npm run emulator).`);
    }
    return `mocks for ${name} from ${path.basename(file.path)}`;
  }
}
