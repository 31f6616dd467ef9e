// The engine's questions, asked the VS Code way: modal confirmations and quick picks.

import * as vscode from 'vscode';
import type { DeployHooks, DeployTarget, UpdatePlan, VersionOffer } from './engine';
import { KIND_LABELS, updateDetail, updateMessage } from './engine';
import type { DeployedContentProvider } from './deployedContent';
import { confirmUpdatesEnabled } from './settings';

const UPDATE = 'Update';
const COMPARE = 'Compare with Deployed';

async function confirmUpdate(plan: UpdatePlan, deployed: DeployedContentProvider): Promise<boolean> {
  if (!confirmUpdatesEnabled()) return true;
  const canCompare = plan.deployedDefinition !== undefined && plan.localDefinition !== undefined;
  const choice = await vscode.window.showWarningMessage(updateMessage(plan), { modal: true, detail: updateDetail(plan) }, UPDATE, ...(canCompare ? [COMPARE] : []));
  if (choice !== COMPARE) return choice === UPDATE;
  // A modal dialog would hide the diff, so the second question is a notification beside it.
  await openComparison(plan, deployed);
  const after = await vscode.window.showWarningMessage(`${updateMessage(plan)} ${updateDetail(plan)}`, UPDATE, 'Cancel');
  return after === UPDATE;
}

export async function openComparison(plan: UpdatePlan, deployed: DeployedContentProvider): Promise<void> {
  const ext = plan.target.kind === 'stateMachine' ? '.json' : '.yaml';
  const left = deployed.show(plan.target.region, plan.target.name, ext, plan.deployedDefinition ?? '');
  // The local side is what will be sent (YAML state machines as JSON), so the diff shows real changes.
  const right = deployed.show(plan.target.region, `${plan.target.name} (local)`, ext, plan.localDefinition ?? '');
  await vscode.commands.executeCommand('vscode.diff', left, right, `${plan.target.name}: deployed ↔ local`, { preview: true });
}

async function confirmWarnings(target: DeployTarget, groups: { file: string; findings: { message: string }[] }[]): Promise<boolean> {
  const count = groups.reduce((n, g) => n + g.findings.length, 0);
  const first = groups[0]?.findings[0]?.message ?? '';
  const choice = await vscode.window.showWarningMessage(
    `${KIND_LABELS[target.kind]} ${target.name} has ${count} warning${count === 1 ? '' : 's'}. Deploy anyway?`,
    { modal: true, detail: `First: ${first}` },
    'Deploy Anyway', 'Show Problems',
  );
  if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
  return choice === 'Deploy Anyway';
}

async function chooseVersion(offer: VersionOffer): Promise<string | undefined> {
  const other = { label: 'Another version…' };
  const picked = await vscode.window.showQuickPick(
    [{ label: offer.suggested, description: 'next patch version' }, other],
    { title: `${offer.target.name} has no version set: which version should be created?`, placeHolder: offer.existing.length ? `Newest existing: ${offer.existing[0]}` : 'No version exists yet', ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  if (picked !== other) return picked.label;
  return vscode.window.showInputBox({
    title: `Version of ${offer.target.name}`,
    value: offer.suggested,
    ignoreFocusOut: true,
    validateInput: (v) => (!/^\d+\.\d+\.\d+$/.test(v.trim()) ? 'Use major.minor.patch, such as 1.2.0.' : offer.existing.includes(v.trim()) ? `${v.trim()} already exists.` : undefined),
  }).then((v) => v?.trim());
}

export function vscodeHooks(deployed: DeployedContentProvider, onStep: (m: string) => void): DeployHooks {
  return {
    onStep,
    confirmUpdate: (plan) => confirmUpdate(plan, deployed),
    confirmWarnings,
    chooseVersion,
  };
}
