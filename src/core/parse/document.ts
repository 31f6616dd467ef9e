// A parsed definition or manifest: the tree, what went wrong while parsing, and offset↔position maps.

import type { Finding, Position, Range } from '../findings';
import type { ValueNode } from './node';
import { parseJson } from './json';
import { parseJsonNative } from './jsonNative';
import { parseYaml } from './yaml';
import { formatSize, parseLimits } from './limits';

export type SourceFormat = 'json' | 'yaml';

export interface ParseProblem {
  code: 'parse/syntax' | 'parse/duplicate-key' | 'parse/comment' | 'parse/empty' | 'parse/yaml-warning' | 'parse/too-complex';
  message: string;
  start: number;
  end: number;
  /** For duplicates: where the first occurrence is. */
  otherStart?: number;
  otherEnd?: number;
}

export class LineIndex {
  // Built on first use: a valid document may never need a position.
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private get lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  positionAt(offset: number): Position {
    const lineStarts = this.lineStarts;
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - lineStarts[lo] };
  }

  offsetAt(position: Position): number {
    const lineStarts = this.lineStarts;
    if (position.line >= lineStarts.length) return this.text.length;
    const start = lineStarts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.character), this.text.length);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

export interface ParsedDocument {
  text: string;
  format: SourceFormat;
  root?: ValueNode;
  problems: ParseProblem[];
  lines: LineIndex;
}

/** Picks the format from a file name; `.json` is JSON, everything else YAML. */
export function formatOf(fileName: string): SourceFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

/** Without one leading byte-order mark: editors hide it, and it is neither JSON nor part of a YAML key. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses `text` (less a leading byte-order mark, so positions are the ones an editor shows). */
export function parseDocument(input: string, format: SourceFormat): ParsedDocument {
  const text = stripBom(input);
  const { root, problems } = text.length > parseLimits().maxDocumentChars ? { root: undefined, problems: [tooLarge(text.length)] } : format === 'json' ? parseJson(text) : parseYaml(text);
  return { text, format, root, problems, lines: new LineIndex(text) };
}

/**
 * parseDocument for the checks (lint, diagnostics): JSON that the engine's JSON.parse reads the same
 * way is parsed natively, and positions are computed on their first read (jsonNative.ts); anything
 * else (YAML, comments, duplicate keys, syntax errors) is parsed by parseDocument.
 */
export function parseDocumentForChecks(input: string, format: SourceFormat): ParsedDocument {
  if (format === 'json') {
    const text = stripBom(input);
    const limits = parseLimits();
    const root = text.length <= limits.maxDocumentChars ? parseJsonNative(text, limits.maxDepth) : undefined;
    if (root) return { text, format, root, problems: [], lines: new LineIndex(text) };
  }
  return parseDocument(input, format);
}

function tooLarge(chars: number): ParseProblem {
  const max = parseLimits().maxDocumentChars;
  return { code: 'parse/too-complex', message: `The document has ${formatSize(chars)}, more than the ${formatSize(max)} that are checked; it is not checked.`, start: 0, end: 0 };
}

/** Parse problems as findings; duplicates are left to rules that know whether they matter. */
export function parseFindings(doc: ParsedDocument, options: { duplicateKeySeverity?: 'error' | 'warning' } = {}): Finding[] {
  const out: Finding[] = [];
  for (const p of doc.problems) {
    if (p.code === 'parse/duplicate-key') {
      out.push({
        code: 'parse/duplicate-key',
        severity: options.duplicateKeySeverity ?? 'warning',
        message: `${p.message} Only the last one takes effect.`,
        range: doc.lines.range(p.start, p.end),
        related: p.otherStart !== undefined ? [{ range: doc.lines.range(p.otherStart, p.otherEnd ?? p.otherStart), message: 'First defined here.' }] : undefined,
      });
    } else {
      out.push({
        code: p.code,
        severity: p.code === 'parse/yaml-warning' ? 'warning' : 'error',
        message: p.message,
        range: doc.lines.range(p.start, p.end),
      });
    }
  }
  return out;
}
