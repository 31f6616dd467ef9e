// Finds the key whose value is being typed at a position, from the text (the tree may be cut short
// while typing), and the range a completed value replaces.

import type { ParsedDocument } from '../parse/document';
import type { Range } from '../findings';

export interface ValueContext {
  key: string;
  /** Offset of the key's first character (inside its quotes). */
  keyOffset: number;
  /** What is typed so far. */
  prefix: string;
  /** The value is inside quotes already (JSON string, quoted YAML scalar). */
  quoted: boolean;
  /** The range a chosen value replaces: the typed word, up to its closing quote. */
  range: Range;
}

const JSON_KEY_BEFORE = /"((?:[^"\\]|\\.)*)"\s*:\s*("?)([^",{}[\]]*)$/;
const YAML_KEY_BEFORE = /(^|[\s{,])(["']?)((?!-\s)[^\s"'#:{},[\]][^"'#:{},[\]]*?)\2[ \t]*:[ \t]+(["']?)([^"'#,{}[\]]*)$/;

export function valueContextAt(doc: ParsedDocument, offset: number): ValueContext | undefined {
  const pos = doc.lines.positionAt(offset);
  const lineStart = offset - pos.character;
  const before = doc.text.slice(lineStart, offset);
  let key: string;
  let keyOffset: number;
  let quote: string;
  let prefix: string;
  if (doc.format === 'json') {
    const m = JSON_KEY_BEFORE.exec(before);
    if (!m) return undefined;
    key = m[1];
    keyOffset = lineStart + m.index + 1;
    quote = m[2];
    prefix = m[3];
  } else {
    const m = YAML_KEY_BEFORE.exec(before);
    if (!m) return undefined;
    key = m[3].trimEnd();
    keyOffset = lineStart + m.index + m[1].length + m[2].length;
    quote = m[4];
    prefix = m[5];
  }
  const lineEnd = doc.text.indexOf('\n', offset);
  const after = doc.text.slice(offset, lineEnd < 0 ? doc.text.length : lineEnd);
  const rest = quote ? after.slice(0, Math.max(0, after.indexOf(quote))) : (/^[^\s,}\]#]*/.exec(after)?.[0] ?? '');
  const start = offset - prefix.length;
  return { key, keyOffset, prefix, quoted: quote !== '', range: doc.lines.range(start, offset + rest.length) };
}

const YAML_PLAIN_SAFE = /^[A-Za-z_/][A-Za-z0-9_./:$-]*$/;
const YAML_RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

/** How a value is written at this spot: JSON needs quotes unless already inside them; YAML only when ambiguous. */
export function formatValue(value: string | number | boolean, format: 'json' | 'yaml', quoted: boolean): string {
  if (typeof value !== 'string') return String(value);
  if (quoted) return value;
  if (format === 'json') return JSON.stringify(value);
  return YAML_PLAIN_SAFE.test(value) && !YAML_RESERVED.test(value) ? value : JSON.stringify(value);
}

/** The run of word characters around an offset inside a string (for `$.stepOutputs.<name>`). */
export function wordRange(doc: ParsedDocument, offset: number, prefixLength: number, word: RegExp = /^[A-Za-z0-9_-]*/): Range {
  const rest = word.exec(doc.text.slice(offset, offset + 200))?.[0] ?? '';
  return doc.lines.range(offset - prefixLength, offset + rest.length);
}
