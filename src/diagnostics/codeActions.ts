// Quick fixes: each finding carries its mechanical fixes; this turns them into code actions.

import * as vscode from 'vscode';
import type { Finding } from '../core/findings';
import { DIAGNOSTIC_SOURCE, toRange, WorkflowDiagnostic } from './convert';

/** The current findings of a document, or undefined when its last lint is older than the text. */
export type CurrentFindings = (document: vscode.TextDocument) => readonly Finding[] | undefined;

export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly currentFindings: CurrentFindings) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const finding = this.findingOf(document, diagnostic);
      for (const fix of finding?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred === true;
        action.edit = new vscode.WorkspaceEdit();
        // An edit may be for another file (a template's DefinitionSubstitutions, fixed from its definition).
        for (const edit of fix.edits) action.edit.replace(edit.file ? otherFile(document.uri, edit.file) : document.uri, toRange(edit.range), edit.newText);
        actions.push(action);
      }
    }
    return actions;
  }

  /** Fixes were computed on the text the lint ran on; after an edit they wait for the next run. */
  private findingOf(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Finding | undefined {
    if (diagnostic instanceof WorkflowDiagnostic) return diagnostic.documentVersion === document.version ? diagnostic.finding : undefined;
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
    // A copy of our diagnostic (the host may pass one): match it to the current findings by code and range.
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return this.currentFindings(document)?.find((f) => f.code === code && toRange(f.range).isEqual(diagnostic.range));
  }
}

/** The URI of a file named the way lint jobs name files: a file system path for file URIs, else the URI's path. */
function otherFile(base: vscode.Uri, fileName: string): vscode.Uri {
  return base.scheme === 'file' ? vscode.Uri.file(fileName) : base.with({ path: fileName });
}
