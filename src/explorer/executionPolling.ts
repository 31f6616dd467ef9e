// Lists with running things (Step Functions executions, DAG runs, Image Builder builds, workflow
// executions and steps) ask again by themselves: at most once per 2 s per list,
// backing off while nothing changes (src/core/runs/polling.ts), and not at all while the view is
// hidden or the list collapsed; they resume when it is shown or expanded again.

import type * as vscode from 'vscode';
import { listState, nextPollDelay } from '../core/runs/polling';
import type { ExplorerNode } from './nodes/explorerNode';

export interface Pollable extends ExplorerNode {
  /** Lists again; answers a key that changes when any status changed, and whether any still runs. */
  poll(): Promise<{ key: string; running: boolean }>;
}

/**
 * A polled list's children: listed, and followed by the poller while one of its items is active,
 * or while `alsoRunning` (asked after listing) says the list's owner still moves.
 */
export async function followedChildren<T extends { id: string }>(
  node: Pollable,
  listing: { getChildren(): Promise<ExplorerNode[]>; list: { items: readonly T[] } },
  poller: ExecutionPoller,
  status: (item: T) => string | undefined,
  active: (status: string | undefined) => boolean,
  alsoRunning?: () => boolean,
): Promise<ExplorerNode[]> {
  const children = await listing.getChildren();
  const { key, running } = listState(listing.list.items, status, active);
  poller.update(node, key, running || (alsoRunning?.() ?? false));
  return children;
}

interface Entry {
  node: Pollable;
  key: string;
  delay?: number;
  timer?: ReturnType<typeof setTimeout>;
}

export class ExecutionPoller {
  private readonly entries = new Map<string, Entry>();
  private view: Pick<vscode.TreeView<ExplorerNode>, 'visible'> | undefined;
  /** Polls made, for tests and the figure "≤ 1 request per 2 s". */
  polls = 0;

  /** The view whose visibility pauses polling; call `visibilityChanged()` when it changes. */
  attach(view: Pick<vscode.TreeView<ExplorerNode>, 'visible'>): void {
    this.view = view;
  }

  /** A list showed its children: poll it while something runs, else forget it. */
  update(node: Pollable, key: string, running: boolean): void {
    const entry = this.entries.get(node.id);
    if (!running) {
      if (entry) this.clear(entry);
      this.entries.delete(node.id);
      return;
    }
    if (entry) {
      const changed = entry.key !== key;
      entry.key = key;
      entry.node = node;
      if (!entry.timer) this.schedule(entry, changed);
      return;
    }
    const created: Entry = { node, key };
    this.entries.set(node.id, created);
    this.schedule(created, true);
  }

  /** The list was collapsed: stop asking until it shows its children again. */
  pause(nodeId: string): void {
    const entry = this.entries.get(nodeId);
    if (entry) this.clear(entry);
    this.entries.delete(nodeId);
  }

  /** After an action changed the list (a run started or stopped): list it now and follow it closely again. */
  restart(node: Pollable & { reset(): void }, refresh: (node: ExplorerNode) => void): void {
    this.pause(node.id);
    node.reset();
    refresh(node);
  }

  visibilityChanged(): void {
    for (const entry of this.entries.values()) {
      if (this.view?.visible === false) this.clear(entry);
      else if (!entry.timer) this.schedule(entry, true);
    }
  }

  get active(): number {
    return [...this.entries.values()].filter((e) => e.timer).length;
  }

  /** Stops following every list (the tree was rebuilt): lists shown again register when listed. */
  forgetAll(): void {
    for (const entry of this.entries.values()) this.clear(entry);
    this.entries.clear();
  }

  dispose(): void {
    this.forgetAll();
  }

  private schedule(entry: Entry, changed: boolean): void {
    if (this.view?.visible === false) return;
    entry.delay = nextPollDelay(entry.delay, changed);
    entry.timer = setTimeout(() => void this.fire(entry), entry.delay);
  }

  private async fire(entry: Entry): Promise<void> {
    entry.timer = undefined;
    if (this.entries.get(entry.node.id) !== entry || this.view?.visible === false) return;
    this.polls++;
    try {
      const { key, running } = await entry.node.poll();
      this.update(entry.node, key, running);
    } catch {
      // The list shows its own error node; try again later, backing off.
      if (this.entries.get(entry.node.id) === entry && !entry.timer) this.schedule(entry, false);
    }
  }

  private clear(entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.delay = undefined;
  }
}
