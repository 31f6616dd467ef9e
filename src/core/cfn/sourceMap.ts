// Definition text assembled from template pieces (a block scalar, Fn::Join parts, a Fn::Sub with
// `${!X}` escapes, substituted values), with the source range of every character, so findings on
// the assembled text land on the template's characters. Substituted or computed characters map to
// the whole placeholder or intrinsic that produced them.

import type { StringNode } from '../parse/node';

export class MappedText {
  private parts: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];
  /** Spans of the text that CloudFormation computes (intrinsics): never a DefinitionSubstitutions placeholder. */
  readonly computed: [number, number][] = [];
  length = 0;

  /** Characters that each come from one source character (`offsets[i]`), or all from [start, end) when offsets is undefined. */
  push(text: string, offsets: ArrayLike<number> | undefined, start: number, end: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      const at = offsets ? offsets[i] : -1;
      this.starts.push(at >= 0 ? at : start);
      this.ends.push(at >= 0 ? at + 1 : end);
    }
    this.length += text.length;
  }

  pushComputed(text: string, start: number, end: number): void {
    this.computed.push([this.length, this.length + text.length]);
    this.push(text, undefined, start, end);
  }

  get text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }

  isComputed(offset: number): boolean {
    return this.computed.some(([a, b]) => offset >= a && offset < b);
  }

  /** The source range of characters [from, to) of the text. */
  source(from: number, to: number): [number, number] {
    if (this.length === 0) return [0, 0];
    const a = Math.max(0, Math.min(from, this.length - 1));
    const b = Math.max(a, Math.min(to > from ? to - 1 : from, this.length - 1));
    const start = this.starts[a];
    return [start, Math.max(start, this.ends[b])];
  }
}

/**
 * For each character of a string's value, its offset in the source, when it can be aligned (plain,
 * quoted and block scalars, JSON escapes); otherwise undefined and the caller maps to the whole node.
 */
export function alignString(text: string, node: StringNode): Int32Array | undefined {
  const value = node.value;
  const offsets = new Int32Array(value.length);
  const end = node.end;
  let p = node.start;
  const escapes = text[p] === '"';
  // A block scalar's characters start on the line after its header (`|`, `>-`, `|2`…).
  if (text[p] === '|' || text[p] === '>') p = text.indexOf('\n', p) + 1 || end;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (p >= end) return undefined;
    if (text[p] === c) {
      offsets[i] = p++;
      continue;
    }
    if (escapes && text[p] === '\\') {
      // An escape (\n, \", \u0041) produced this character.
      offsets[i] = p;
      p += text[p + 1] === 'u' ? 6 : text[p + 1] === 'x' ? 4 : 2;
      continue;
    }
    if (/\s/.test(c) && /\s/.test(text[p])) {
      // Folding: a line break in the source may stand for a space in the value.
      offsets[i] = p++;
      continue;
    }
    // What the value does not have: indentation, quotes, line breaks, Fn::Sub's `${!` bang.
    while (p < end && text[p] !== c && /[\s"'!]/.test(text[p])) p++;
    if (p >= end || text[p] !== c) return undefined;
    offsets[i] = p++;
  }
  return offsets;
}
