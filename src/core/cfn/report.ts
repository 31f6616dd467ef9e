// Findings on a template's exact characters, and the edits its quick fixes make.

import type { Finding, Fix, RelatedLocation, Severity } from '../findings';
import type { ParsedDocument } from '../parse/document';
import type { PropertyNode, StringNode, ValueNode } from '../parse/node';
import { removalSpan, yamlScalar } from '../manifest/check';

export interface ReportExtra {
  fixes?: Fix[];
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
}

export class TemplateReporter {
  readonly findings: Finding[] = [];

  constructor(readonly doc: ParsedDocument) {}

  span(code: string, severity: Severity, message: string, start: number, end: number, extra: ReportExtra = {}): void {
    const finding: Finding = { code, severity, message, range: this.doc.lines.range(start, end) };
    if (extra.fixes?.length) finding.fixes = extra.fixes;
    if (extra.related?.length) finding.related = extra.related;
    if (extra.data) finding.data = extra.data;
    this.findings.push(finding);
  }

  /** On a value; containers are marked at their first character only. */
  node(code: string, severity: Severity, message: string, node: ValueNode, extra?: ReportExtra): void {
    const end = node.kind === 'object' || node.kind === 'array' ? Math.min(node.end, node.start + 1) : valueEnd(this.doc.text, node);
    this.span(code, severity, message, node.start, end, extra);
  }

  key(code: string, severity: Severity, message: string, prop: PropertyNode, extra?: ReportExtra): void {
    this.span(code, severity, message, prop.keyStart, prop.keyEnd, extra);
  }

  /** Characters [from, to) of a string's value, when the source spells the value out; else the whole string. */
  inString(code: string, severity: Severity, message: string, node: StringNode, from: number, to: number, extra?: ReportExtra): void {
    const first = stringContentStart(this.doc.text, node);
    if (first === undefined) this.node(code, severity, message, node, extra);
    else this.span(code, severity, message, first + from, first + Math.max(to, from + 1), extra);
  }

  /** A fix that replaces a scalar with `value`, keeping the quoting style. */
  replaceFix(title: string, node: ValueNode, value: string, preferred = true): Fix {
    const original = this.doc.text.slice(node.start, valueEnd(this.doc.text, node));
    const newText = this.doc.format === 'json' ? JSON.stringify(value) : yamlScalar(value, original);
    return { title, preferred, edits: [{ range: this.doc.lines.range(node.start, valueEnd(this.doc.text, node)), newText }] };
  }

  /** A fix that renames a key, keeping its quoting style. */
  renameKeyFix(title: string, prop: PropertyNode, key: string): Fix {
    const original = this.doc.text.slice(prop.keyStart, prop.keyEnd);
    const newText = this.doc.format === 'json' ? JSON.stringify(key) : yamlScalar(key, original);
    return { title, preferred: true, edits: [{ range: this.doc.lines.range(prop.keyStart, prop.keyEnd), newText }] };
  }

  /** A fix that deletes a property: its whole lines in block style, `key: value,` in flow style. */
  removeFix(title: string, prop: PropertyNode): Fix {
    const end = valueEnd(this.doc.text, prop.value);
    const [start, stop] = removalSpan(this.doc.text, { keyStart: prop.keyStart, valueEnd: end } as Parameters<typeof removalSpan>[1]);
    return { title, edits: [{ range: this.doc.lines.range(start, stop), newText: '' }] };
  }
}

/** A node's end without the line breaks and comments a block node's range may include. */
export function valueEnd(text: string, node: ValueNode): number {
  let end = node.end;
  while (end > node.start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Where a string's characters start in the source, when the source spells the value out unchanged. */
export function stringContentStart(text: string, node: StringNode): number | undefined {
  const q = text[node.start];
  const first = q === '"' || q === "'" ? node.start + 1 : node.start;
  return text.startsWith(node.value, first) ? first : undefined;
}
