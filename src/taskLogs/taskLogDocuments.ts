// MWAA Serverless task logs in read-only editors: a TextDocumentContentProvider with its own scheme,
// one TaskLogSession per document. Scrolling to the top (or "Load Older Log Lines") prepends the
// page before, keeping the view where it was; a running task's new lines are appended; closing the
// document stops everything. Registered on the first Show Task Log (the code loads with it).

import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import type { ExplorerAws } from '../explorer/model/listing';
import type { ServerlessTask } from '../explorer/model/serverlessRuns';
import { TaskLogSession } from './taskLogSession';

export const TASK_LOG_SCHEME = 'aws-workflows-task-log';

export class TaskLogDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly sessions = new Map<string, TaskLogSession>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly aws: Pick<ExplorerAws, 'logs' | 'mwaaServerless'>,
    private readonly logger: Logger,
  ) {
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(TASK_LOG_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((doc) => this.close(doc.uri)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.scrolled(e.textEditor, e.visibleRanges)),
    ];
  }

  /** Reads the newest page (so a failure is a notification, not an empty editor), then opens it. */
  async open(task: ServerlessTask): Promise<{ document: vscode.TextDocument; session: TaskLogSession }> {
    const { run } = task;
    const path = [run.region, run.workflowName, run.runId, `${task.taskId}.log`].map((p) => encodeURIComponent(p.replace(/\//g, '_'))).join('/');
    const uri = vscode.Uri.from({ scheme: TASK_LOG_SCHEME, path: `/${path}`, query: `attempt=${task.attempt ?? 0}` });
    this.sessions.get(uri.toString())?.dispose();
    const session = await TaskLogSession.open(this.aws, task, () => this.changed.fire(uri));
    this.sessions.set(uri.toString(), session);
    // A document already open (shown again) takes the new session's text.
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const shown = await vscode.languages.setTextDocumentLanguage(document, 'log');
    const editor = await vscode.window.showTextDocument(shown, { preview: true });
    // The newest lines are what a person opening a log wants: start at the end.
    const last = shown.lineCount - 1;
    editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    editor.selection = new vscode.Selection(last, 0, last, 0);
    return { document: shown, session };
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const session = this.sessions.get(uri.toString());
    return session ? session.text : '# This task log is closed: show it again from a task instance in the AWS Workflows view.\n';
  }

  /** Prepends the page before the loaded lines and keeps the line that was first at the top. */
  async loadOlder(uri: vscode.Uri): Promise<number> {
    const session = this.sessions.get(uri.toString());
    if (!session) throw new Error('This task log is closed: show it again from a task instance in the AWS Workflows view.');
    if (!session.pager.hasOlder) return 0;
    const headerBefore = session.headerLines;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const topBefore = editor?.visibleRanges[0]?.start.line ?? 0;
    const updated = editor ? nextChange(editor.document) : Promise.resolve();
    const added = await session.loadOlder();
    await updated;
    if (editor && added > 0) {
      const line = Math.max(0, topBefore - headerBefore) + session.headerLines + added;
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
    }
    return added;
  }

  dispose(): void {
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
    this.disposables.forEach((d) => d.dispose());
  }

  private close(uri: vscode.Uri): void {
    if (uri.scheme !== TASK_LOG_SCHEME) return;
    this.sessions.get(uri.toString())?.dispose();
    this.sessions.delete(uri.toString());
  }

  /** Reaching the top of a log with older lines loads them. */
  private scrolled(editor: vscode.TextEditor, ranges: readonly vscode.Range[]): void {
    if (editor.document.uri.scheme !== TASK_LOG_SCHEME || (ranges[0]?.start.line ?? 1) > 0) return;
    const session = this.sessions.get(editor.document.uri.toString());
    if (!session?.pager.hasOlder) return;
    this.loadOlder(editor.document.uri).catch((err: unknown) => this.logger.warn(`task log: older lines: ${(err as Error).message}`));
  }
}

/** Resolves when the document's text next changes (or after 5 s, so a lost event never hangs). */
function nextChange(document: vscode.TextDocument): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, 5000);
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document) done();
    });
    function done(): void {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}
