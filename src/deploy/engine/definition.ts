// Reading definitions and turning YAML state machines into the JSON the service takes.

import { parseDocument } from '../../core/parse/document';
import { toValue } from '../../core/parse/node';
import { DeployFailure } from './types';

export function isJsonFile(path: string): boolean {
  return /\.json$/i.test(path);
}

/** The definition as Step Functions stores it: JSON files as written, YAML converted to JSON. */
export function toStateMachineJson(text: string, fileName: string): string {
  if (isJsonFile(fileName)) return text;
  // The checker's own parser, so conversion has the same size, depth and alias budgets.
  const doc = parseDocument(text, 'yaml');
  const problem = doc.problems.find((p) => p.code === 'parse/syntax' || p.code === 'parse/too-complex');
  if (problem || !doc.root) {
    throw new DeployFailure(`${fileName} is not valid YAML (${problem?.message ?? 'the document is empty'}), so it cannot be converted to the JSON Step Functions expects.`);
  }
  return JSON.stringify(toValue(doc.root), null, 2);
}

/** Parses JSON text, or undefined when it is not JSON (then definitions are compared as text). */
export function tryParseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Same JSON value, whatever the formatting and key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameJson(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao);
  return ak.length === Object.keys(bo).length && ak.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && sameJson(ao[k], bo[k]));
}

/** Same definition text once trailing whitespace and line endings are ignored. */
export function sameText(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string) => s.replace(/\r\n/g, '\n').replace(/[ \t]+$/gm, '').trimEnd();
  return a !== undefined && b !== undefined && norm(a) === norm(b);
}

/** Pretty JSON for a side-by-side comparison. */
export function prettyJson(text: string): string {
  const value = tryParseJson(text);
  return value === undefined ? text : JSON.stringify(value, null, 2);
}
