// Where an execution opens, as VS Code's Markdown preview does it: one reusable view that follows
// what the user opens, unless locked. Reusing a webview also avoids the cost of a new one (in VS Code
// for the web each new webview waits about 1 s for its own service worker: microsoft/vscode#245756).

export interface OpenExecutionView {
  id: number;
  executionArn: string;
  locked: boolean;
}

export type Placement =
  /** The execution is already shown there: bring that view forward. */
  | { kind: 'reveal'; id: number }
  /** An unlocked view takes the execution, dropping the one it showed. */
  | { kind: 'replace'; id: number }
  | { kind: 'create' };

/**
 * Where `executionArn` goes. `views` are ordered from the most recently active; `reuse` is off when
 * the user opens every editor for good (`workbench.editor.enablePreview: false`).
 */
export function placeExecution(views: readonly OpenExecutionView[], executionArn: string, reuse: boolean): Placement {
  const showing = views.find((v) => v.executionArn === executionArn);
  if (showing) return { kind: 'reveal', id: showing.id };
  const free = reuse ? views.find((v) => !v.locked) : undefined;
  return free ? { kind: 'replace', id: free.id } : { kind: 'create' };
}

/** The tab's title: `Execution <name> (<status>)`, `[Locked] ` before it for a locked view. */
export function executionViewTitle(name: string, locked: boolean, status?: string, local?: boolean): string {
  const detail = [status, local ? 'local' : undefined].filter(Boolean).join(', ');
  return `${locked ? '[Locked] ' : ''}Execution ${name}${detail ? ` (${detail})` : ''}`;
}
