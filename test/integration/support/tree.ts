// Driving the resource explorer's TreeDataProvider in the extension host, through the extension's
// hidden test hook, against the emulator (whose control endpoint EMULATOR_URL points at).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../../src/explorer/nodes/explorerNode';
import type { ExplorerTestApi } from '../../../src/explorer/register';

export const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';

export const emulatorUrl = (): string => {
  const url = process.env.EMULATOR_URL;
  assert.ok(url, 'EMULATOR_URL is not set: the harness runs these tests against the emulator');
  return url;
};

/** GET (no body) or POST a control route of the emulator. */
export async function control(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${emulatorUrl()}/_emulator/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status, 200, `${path}: HTTP ${res.status}`);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

export async function configure(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('awsWorkflows').update(key, value, vscode.ConfigurationTarget.Global);
}

export function label(node: ExplorerNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

/** The explorer's test API (activating the extension first), and tree walking over it. */
export async function explorerTree(): Promise<ExplorerTree> {
  await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  const api = (await vscode.commands.executeCommand('awsWorkflows.__getExplorerForTests')) as ExplorerTestApi;
  assert.ok(api?.provider, 'the explorer test hook returned nothing');
  return new ExplorerTree(api);
}

export class ExplorerTree {
  constructor(readonly api: ExplorerTestApi) {}

  async children(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return (await this.api.provider.getChildren(node)) ?? [];
  }

  async child(node: ExplorerNode | undefined, name: string): Promise<ExplorerNode> {
    const all = await this.children(node);
    const found = all.find((n) => label(n) === name);
    assert.ok(found, `no "${name}" under ${node ? label(node) : 'the root'}; found: ${all.map(label).join(', ')}`);
    return found;
  }

  async path(...names: string[]): Promise<ExplorerNode> {
    let node: ExplorerNode | undefined;
    for (const n of names) node = await this.child(node, n);
    return node!;
  }

  /** The whole tree is listed again, as after a settings change. */
  async fresh(pageSize: number, regions: string[] = ['us-east-1', 'eu-west-1']): Promise<void> {
    await configure('explorer.pageSize', pageSize);
    await configure('regions', regions);
    this.api.provider.refresh();
  }
}

/**
 * A tree over the demo seed in us-east-1, shown (the poller runs only while the view is visible):
 * before() resets the emulator and lists afresh, after() puts the seed and the settings back.
 */
export async function demoTreeShown(pageSize = 50): Promise<ExplorerTree> {
  await control('reset', { seed: 'demo' });
  const tree = await explorerTree();
  await vscode.commands.executeCommand('awsWorkflows.resources.focus');
  await tree.fresh(pageSize, ['us-east-1']);
  return tree;
}

export async function restoreDemoTree(): Promise<void> {
  await control('reset', { seed: 'demo' });
  await configure('explorer.pageSize', undefined);
  await configure('regions', undefined);
}
