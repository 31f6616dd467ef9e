// Runs engine deploys inside a cancellable progress notification and reports what happened:
// a notification with ARN and version, the log, and the onDidDeploy event for the explorer.

import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { deployAll, deployTarget, formatResultLine, KIND_LABELS, type DeployClients, type DeployOptions, type DeployResult, type DeployTarget } from './engine';
import type { DeployedContentProvider } from './deployedContent';
import { fireDidDeploy } from './events';
import { vscodeHooks } from './prompts';
import { RESOURCES_VIEW_FOCUS_COMMAND, REVEAL_RESOURCE_COMMAND } from './settings';
import { editorFirstFiles } from './workspace';

export class DeployRunner {
  constructor(private readonly clients: DeployClients, private readonly logger: Logger, private readonly deployed: DeployedContentProvider) {}

  /** Engine options for one progress notification; `dispose` ends the cancellation link. */
  private options(progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken, dryRun = false): DeployOptions & vscode.Disposable {
    const controller = new AbortController();
    const link = token.onCancellationRequested(() => controller.abort());
    return {
      clients: this.clients,
      files: editorFirstFiles,
      logger: this.logger,
      hooks: vscodeHooks(this.deployed, (m) => progress.report({ message: m })),
      signal: controller.signal,
      dryRun,
      dispose: () => link.dispose(),
    };
  }

  /** One target; the notification is shown before this resolves, its buttons handled later. */
  async deployOne(target: DeployTarget, dryRun = false): Promise<DeployResult> {
    const title = `${dryRun ? 'Validating' : 'Deploying'} ${KIND_LABELS[target.kind]} ${target.name} to ${target.region}`;
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const options = this.options(progress, token, dryRun);
      try {
        return await deployTarget(target, options);
      } finally {
        options.dispose();
      }
    });
    this.record(result);
    this.notify(result);
    return result;
  }

  async deployMany(targets: DeployTarget[]): Promise<DeployResult[]> {
    const results = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Deploying ${targets.length} entr${targets.length === 1 ? 'y' : 'ies'} from aws-workflows.yaml`, cancellable: true },
      async (progress, token) => {
        let index = 0;
        const options = this.options(progress, token);
        const onStep = options.hooks!.onStep!;
        options.hooks!.onStep = (m) => onStep(`(${Math.min(index + 1, targets.length)}/${targets.length}) ${targets[index]?.name ?? ''}: ${m}`);
        try {
          return await deployAll(targets, options, (r) => {
            index++;
            this.record(r);
          });
        } finally {
          options.dispose();
        }
      },
    );
    this.summarize(results);
    return results;
  }

  private record(r: DeployResult): void {
    const line = `deploy: ${formatResultLine(r)} (${r.region})`;
    if (r.action === 'failed') this.logger.warn(`${line}: ${r.message}`);
    else this.logger.info(line);
    for (const w of r.warnings) this.logger.warn(`deploy ${r.name}: ${w}`);
    if (r.action === 'created' || r.action === 'updated') {
      fireDidDeploy({ kind: r.kind, region: r.region, name: r.name, arn: r.arn, version: r.version, action: r.action });
    }
  }

  notify(r: DeployResult): void {
    if (r.action === 'failed') {
      if (r.blockingFindings?.length) void vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showErrorMessage(r.message, 'Show Log').then((c) => {
        if (c === 'Show Log') void vscode.commands.executeCommand('awsWorkflows.showLog');
      });
      return;
    }
    if (r.action === 'cancelled' || r.action === 'validated') {
      void vscode.window.showInformationMessage(r.message + (r.warnings.length ? ` Warnings: ${r.warnings.join(' ')}` : ''));
      return;
    }
    const details = [r.arn ? `ARN: ${r.arn}` : '', r.version ? `Version: ${r.version}` : '', r.warnings.length ? `Warnings: ${r.warnings.join(' ')}` : ''].filter(Boolean).join(' · ');
    const show = r.warnings.length ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(`${r.message}${details ? ` ${details}` : ''}`, 'Reveal in Explorer', ...(r.arn ? ['Copy ARN'] : [])).then((choice) => {
      if (choice === 'Copy ARN' && r.arn) void vscode.env.clipboard.writeText(r.arn);
      if (choice === 'Reveal in Explorer') void revealInExplorer(r);
    });
  }

  private summarize(results: DeployResult[]): void {
    const count = (a: DeployResult['action']) => results.filter((r) => r.action === a).length;
    const parts = (['created', 'updated', 'unchanged', 'cancelled', 'failed'] as const).filter((a) => count(a) > 0).map((a) => `${count(a)} ${a}`);
    const lines = results.map((r) => `${KIND_LABELS[r.kind]} ${r.name}: ${r.action}${r.version ? ` (version ${r.version})` : ''}${r.action === 'failed' ? ` — ${r.message}` : ''}`);
    const message = `Deploy all: ${parts.join(', ')}.`;
    const detail = lines.join('\n');
    this.logger.info(`${message}\n${detail}`);
    const show = count('failed') > 0 ? vscode.window.showErrorMessage : vscode.window.showInformationMessage;
    void show(`${message} ${lines.join('; ')}`, 'Show Log').then((c) => {
      if (c === 'Show Log') void vscode.commands.executeCommand('awsWorkflows.showLog');
    });
  }
}

export async function revealInExplorer(r: Pick<DeployResult, 'kind' | 'region' | 'name' | 'arn'>): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(REVEAL_RESOURCE_COMMAND)) {
    await vscode.commands.executeCommand(REVEAL_RESOURCE_COMMAND, { kind: r.kind, region: r.region, name: r.name, arn: r.arn });
  } else {
    await vscode.commands.executeCommand(RESOURCES_VIEW_FOCUS_COMMAND);
  }
}
