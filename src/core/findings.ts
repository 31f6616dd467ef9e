// Diagnostics as plain data: the CLI prints them, the extension turns them into vscode.Diagnostic.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Zero-based line and character, like LSP and VS Code. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A mechanical edit that a quick fix applies. */
export interface TextEdit {
  range: Range;
  newText: string;
  /** Another file the edit applies to (a template, from a finding in the definition it names); the finding's own file when absent. */
  file?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one fix an editor may apply without asking (VS Code's isPreferred). */
  preferred?: boolean;
}

export interface RelatedLocation {
  range: Range;
  message: string;
}

export interface Finding {
  /** Stable, documented code such as `sfn/name-invalid-char`. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** Extra facts a quick fix or hover needs. */
  data?: Record<string, unknown>;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code)
  );
}
