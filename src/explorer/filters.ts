// Filters per group, and one for the whole view, remembered per workspace (workspaceState).

import * as vscode from 'vscode';
import { parseFilter, type ResourceFilter } from './model/filter';

const STATE_KEY = 'awsWorkflows.explorer.filters';
/** The key of the view-wide filter, which applies to every group without a filter of its own. */
export const VIEW_FILTER_KEY = '*';

export class FilterStore {
  private readonly emitter = new vscode.EventEmitter<string>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  private all(): Record<string, string> {
    return { ...(this.state.get<Record<string, string>>(STATE_KEY) ?? {}) };
  }

  /** The filter text set on exactly this key. */
  text(key: string): string | undefined {
    return this.all()[key];
  }

  /** The filter in force for a group: its own, else the view's. */
  effective(key: string): ResourceFilter | undefined {
    const all = this.all();
    const text = all[key] ?? all[VIEW_FILTER_KEY];
    if (!text) return undefined;
    const parsed = parseFilter(text);
    return 'filter' in parsed ? parsed.filter : undefined;
  }

  async set(key: string, text: string | undefined): Promise<void> {
    const all = this.all();
    if (text?.trim()) all[key] = text.trim();
    else delete all[key];
    await this.state.update(STATE_KEY, all);
    this.emitter.fire(key);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
