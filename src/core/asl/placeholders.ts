// Template placeholders (`${Name}`) from SAM/CloudFormation DefinitionSubstitutions or Terraform
// templatefile. Inside strings they are fine. Unquoted in JSON (`"Seconds": ${Timeout}`) they make
// the text invalid JSON until substituted, so they are replaced by a same-length number before
// parsing (offsets stay valid) and remembered, to be reported as warnings, not syntax errors.

import { parseDocument, stripBom, type ParsedDocument } from '../parse/document';

export interface Placeholder {
  name: string;
  start: number;
  end: number;
}

/** Matches a string that is exactly one placeholder, such as YAML `Seconds: ${Timeout}`. */
export const WHOLE_PLACEHOLDER = /^\$\{[^{}\s]+\}$/;

/** A complete `${…}` somewhere in the value; an unclosed `${Name` is not one and gets checked as written. */
const SOME_PLACEHOLDER = /\$\{[^{}]+\}/;

export function hasPlaceholder(value: string): boolean {
  return value.includes('${') && SOME_PLACEHOLDER.test(value);
}

/** Finds `${Name}` tokens outside JSON strings and returns the text with each replaced by `1` plus spaces. */
export function substituteJsonPlaceholders(text: string): { text: string; placeholders: Placeholder[] } {
  const placeholders: Placeholder[] = [];
  if (!text.includes('${')) return { text, placeholders };
  let inString = false;
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34 || c === 10) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      continue;
    }
    if (c === 36 && text.charCodeAt(i + 1) === 123) {
      const close = text.indexOf('}', i + 2);
      if (close < 0) break;
      const name = text.slice(i + 2, close);
      if (!/^[^{}\s"]+$/.test(name)) continue;
      placeholders.push({ name, start: i, end: close + 1 });
      out += text.slice(copied, i) + '1' + ' '.repeat(close - i);
      copied = close + 1;
      i = close;
    }
  }
  if (!placeholders.length) return { text, placeholders };
  return { text: out + text.slice(copied), placeholders };
}

/**
 * Parses ASL text, tolerating unquoted placeholders in JSON. The returned document's `text` is
 * the original; `placeholders` lists the substituted tokens.
 */
export function parseAslText(input: string, format: 'json' | 'yaml'): { doc: ParsedDocument; placeholders: Placeholder[] } {
  const text = stripBom(input);
  if (format === 'yaml') return { doc: parseDocument(text, 'yaml'), placeholders: [] };
  const sub = substituteJsonPlaceholders(text);
  const doc = parseDocument(sub.text, 'json');
  if (sub.placeholders.length) doc.text = text;
  return { doc, placeholders: sub.placeholders };
}

/** Re-parses a JSON document that failed only because of unquoted placeholders. */
export function withJsonPlaceholders(doc: ParsedDocument): { doc: ParsedDocument; placeholders: Placeholder[] } {
  if (doc.format !== 'json' || !doc.text.includes('${') || !doc.problems.some((p) => p.code === 'parse/syntax')) return { doc, placeholders: [] };
  const reparsed = parseAslText(doc.text, 'json');
  return reparsed.placeholders.length ? reparsed : { doc, placeholders: [] };
}
