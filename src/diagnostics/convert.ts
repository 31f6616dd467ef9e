// Findings (plain data from src/core) to vscode.Diagnostic and back to positions.

import * as vscode from 'vscode';
import type { Finding, Range, Severity } from '../core/findings';
import { indexRuleLines } from './ruleLines';

export const DIAGNOSTIC_SOURCE = 'AWS Workflows';

/** A diagnostic that keeps the finding it came from, so quick fixes need no second lookup. */
export class WorkflowDiagnostic extends vscode.Diagnostic {
  constructor(readonly finding: Finding, readonly documentVersion: number, uri: vscode.Uri, ruleDocs?: RuleDocs) {
    super(toRange(finding.range), finding.message, toSeverity(finding.severity));
    this.source = DIAGNOSTIC_SOURCE;
    const target = ruleDocs?.target(finding.code);
    this.code = target ? { value: finding.code, target } : finding.code;
    if (finding.related?.length) {
      this.relatedInformation = finding.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message));
    }
    const tags: vscode.DiagnosticTag[] = [];
    if (finding.data?.unnecessary === true || /\/unreachable/.test(finding.code)) tags.push(vscode.DiagnosticTag.Unnecessary);
    if (finding.data?.deprecated === true || /\/deprecated/.test(finding.code)) tags.push(vscode.DiagnosticTag.Deprecated);
    if (tags.length) this.tags = tags;
  }
}

/**
 * Links a code to its entry in the README shipped with the extension (`README.md#L<line>` opens the
 * file at that line). The README is read once, on the first diagnostic.
 */
export class RuleDocs {
  private lines: Map<string, number> | undefined;

  constructor(private readonly readme: vscode.Uri, private readonly readText: () => string | undefined) {}

  target(code: string): vscode.Uri | undefined {
    if (!this.lines) this.lines = indexRuleLines(this.readText() ?? '');
    const line = this.lines.get(code);
    return line === undefined ? undefined : this.readme.with({ fragment: `L${line + 1}` });
  }
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'info': return vscode.DiagnosticSeverity.Information;
    default: return vscode.DiagnosticSeverity.Hint;
  }
}
