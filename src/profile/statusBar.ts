// The `profile · region` status bar item; clicking it chooses the profile.

import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { AwsSession } from '../aws/session';
import { Disposable } from '../common/disposable';
import { CHOOSE_PROFILE_COMMAND } from './commandIds';

export class ProfileStatusBar extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private updateSeq = 0;

  constructor(private readonly session: AwsSession, private readonly logger: Logger) {
    super();
    this.item = this._register(vscode.window.createStatusBarItem('awsWorkflows.profile', vscode.StatusBarAlignment.Left, 0));
    this.item.name = 'AWS Profile and Region';
    this.item.command = CHOOSE_PROFILE_COMMAND;
    this._register(session.onDidChange(() => this.update()));
    this.item.text = `$(cloud) ${session.getProfileName() ?? 'default chain'}`;
    this.item.show();
    // The region may come from the AWS config file, whose reader (the SDK's) is loaded on first use:
    // read it once activation is done, so activating loads no SDK code.
    const first = setImmediate(() => this.update());
    this._register({ dispose: () => clearImmediate(first) });
  }

  /** Re-reads profile and region (the region may come from the AWS config file, hence async). */
  update(): void {
    const seq = ++this.updateSeq;
    const profile = this.session.getProfileName() ?? 'default chain';
    this.item.text = `$(cloud) ${profile}`;
    this.session.resolveRegionWithSource().then(
      ({ region, source }) => {
        if (seq !== this.updateSeq) return;
        this.item.text = `$(cloud) ${profile} · ${region}`;
        const tooltip = new vscode.MarkdownString(undefined, true);
        tooltip.appendMarkdown(`**AWS Workflows**\n\nCredentials: ${escape(this.session.describeCredentialSource())}\n\nRegion: ${escape(region)} (${escape(source)})\n\n`);
        tooltip.appendMarkdown(`[Choose profile](command:awsWorkflows.chooseProfile) · [Choose region](command:awsWorkflows.chooseRegion) · [Check connection](command:awsWorkflows.checkConnection)`);
        tooltip.isTrusted = { enabledCommands: ['awsWorkflows.chooseProfile', 'awsWorkflows.chooseRegion', 'awsWorkflows.checkConnection'] };
        this.item.tooltip = tooltip;
      },
      (err) => this.logger.warn(`could not resolve the AWS region: ${(err as Error)?.message ?? String(err)}`),
    );
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
