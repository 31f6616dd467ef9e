// Executions in a webview: the command that opens one, and the serializer that restores open
// views after a reload; Run Locally (the open definition on the local emulator), its CodeLens and
// editor-title button. The view (executionPanel.ts, with the graph layout) and Run Locally's code
// (runLocally.ts) load on first use.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsSession } from '../aws/session';
import { registerCommand, registerLazyCommands } from '../common/commands';
import { detectKind } from '../core/kind';
import type { Logger } from '../core/log';
import { lazy } from '../core/lazy';
import type { ExplorerAws } from '../explorer/model/listing';
import { checkEmulatorEndpoint, emulatorSession, readEmulatorEndpoint } from './emulatorEndpoint';
import {
  EMULATOR_ENDPOINT_SETTING,
  EXECUTION_VIEW_TEST_HOOK,
  EXECUTION_VIEW_TYPE,
  IS_STATE_MACHINE_CONTEXT,
  LOCK_EXECUTION_VIEW_COMMAND,
  OPEN_EXECUTION_COMMAND,
  RUN_LOCALLY_COMMAND,
  RUN_LOCALLY_CONTEXT,
  UNLOCK_EXECUTION_VIEW_COMMAND,
} from './ids';
import type { ExecutionPanelDeps } from './executionPanel';
import type { ExecutionViewState } from './protocol';

function asRef(arg: unknown): ExecutionViewState | undefined {
  const r = arg as Partial<ExecutionViewState> & { item?: { kind?: string; region?: string; arn?: string } } | undefined;
  if (r?.item?.kind === 'stateMachineExecution' && r.item.region && r.item.arn) return { region: r.item.region, executionArn: r.item.arn };
  if (typeof r?.region === 'string' && typeof r.executionArn === 'string' && /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:(execution|express):/.test(r.executionArn)) {
    return { region: r.region, executionArn: r.executionArn, ...(r.local === true ? { local: true } : {}), ...(r.locked === true ? { locked: true } : {}) };
  }
  return undefined;
}

export function registerRuns(context: vscode.ExtensionContext, logger: Logger, aws: ExplorerAws & { getRegion(): Promise<string> }): void {
  // The emulator's session, made again when the endpoint setting changes.
  let local: { endpoint: string; session: AwsSession } | undefined;
  const localAws = (): ExplorerAws => {
    const configured = readEmulatorEndpoint();
    if (!configured) throw new Error(`This execution ran on the local emulator, and ${EMULATOR_ENDPOINT_SETTING} is no longer set; set it again to see it.`);
    const checked = checkEmulatorEndpoint(configured);
    if ('problem' in checked) throw new Error(checked.problem);
    if (local?.endpoint !== checked.url) {
      local?.session.dispose();
      local = { endpoint: checked.url, session: emulatorSession(checked.url, logger) };
    }
    return local.session;
  };
  context.subscriptions.push({ dispose: () => local?.session.dispose() });
  const deps: ExecutionPanelDeps = {
    aws,
    local: localAws,
    logger,
    extensionUri: context.extensionUri,
    env: { writeClipboard: (text) => vscode.env.clipboard.writeText(text), openExternal: (uri) => vscode.env.openExternal(uri) },
  };
  const view = lazy(() => import('./executionPanel'));
  registerCommand(context, logger, {
    id: OPEN_EXECUTION_COMMAND,
    execute: async (arg?: unknown) => {
      const ref = asRef(arg);
      if (!ref) throw new Error('Choose an execution in the AWS Workflows view to open.');
      const { ExecutionPanel } = await view.get();
      const { locked: _locked, ...execution } = ref;
      return ExecutionPanel.show(execution, deps).ref;
    },
  });
  // Lock and Unlock act on the active execution view (the editor title shows them only there).
  for (const [id, locked] of [[LOCK_EXECUTION_VIEW_COMMAND, true], [UNLOCK_EXECUTION_VIEW_COMMAND, false]] as const) {
    registerCommand(context, logger, {
      id,
      execute: () => {
        const active = view.loaded?.ExecutionPanel.active();
        if (!active) throw new Error(`Open an execution view first, then ${locked ? 'lock' : 'unlock'} it from its title bar.`);
        active.setLocked(locked);
      },
    });
  }
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(EXECUTION_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: unknown) {
        const ref = asRef(state);
        if (!ref) {
          panel.dispose();
          return;
        }
        (await view.get()).ExecutionPanel.revive(panel, ref, deps);
      },
    }),
    vscode.commands.registerCommand(EXECUTION_VIEW_TEST_HOOK, async () => {
      const { ExecutionPanel } = await view.get();
      return { ExecutionPanel, deps };
    }),
  );
  registerRunLocally(context, logger, aws, localAws);
}

function registerRunLocally(context: vscode.ExtensionContext, logger: Logger, aws: { getRegion(): Promise<string> }, localAws: () => ExplorerAws): void {
  const runLocally = lazy(async () => {
    const { RunLocally } = await import('./runLocally');
    const feature = new RunLocally({
      logger,
      region: () => aws.getRegion(),
      localAws,
      openExecution: (ref) => vscode.commands.executeCommand(OPEN_EXECUTION_COMMAND, ref),
      state: context.workspaceState,
    });
    context.subscriptions.push(feature);
    return [feature.command()];
  });
  registerLazyCommands(context, logger, [RUN_LOCALLY_COMMAND], () => runLocally.get());

  const lenses = new RunLocallyCodeLens();
  context.subscriptions.push(lenses, vscode.languages.registerCodeLensProvider(RUN_LOCALLY_SELECTOR, lenses));
  const updateAvailable = () => void vscode.commands.executeCommand('setContext', RUN_LOCALLY_CONTEXT, readEmulatorEndpoint() !== undefined);
  updateAvailable();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(EMULATOR_ENDPOINT_SETTING)) return;
      updateAvailable();
      lenses.refresh();
    }),
  );
  const updateEditor = (editor: vscode.TextEditor | undefined) => {
    const doc = editor?.document;
    const isStateMachine = !!doc && doc.uri.scheme === 'file' && detectKind(path.basename(doc.uri.path), doc.getText()) === 'stateMachine';
    void vscode.commands.executeCommand('setContext', IS_STATE_MACHINE_CONTEXT, isStateMachine);
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(updateEditor));
  updateEditor(vscode.window.activeTextEditor);
}

const RUN_LOCALLY_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'asl' },
  { scheme: 'file', language: 'asl-yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'yaml' },
];

/** "Run Locally" at the top of a state machine definition, only while an emulator endpoint is set. */
class RunLocallyCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (readEmulatorEndpoint() === undefined) return [];
    if (detectKind(path.basename(document.uri.path), document.getText()) !== 'stateMachine') return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: '$(play) Run Locally', command: RUN_LOCALLY_COMMAND, arguments: [document.uri], tooltip: 'Start an execution of this definition on the local emulator, with the mocks beside it' })];
  }

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
