// A fast path for the YAML that definitions are usually written in: block mappings and sequences,
// single-line plain/quoted scalars and single-line flow collections, comments. It produces the
// same tree and offsets as the yaml package (YAML 1.2 core schema) and gives up (returns
// undefined) on anything else — anchors, tags, block or multi-line scalars, multi-line flow,
// documents markers, odd indentation, any error — so the full parser decides those.
// With `tags` (CloudFormation templates), the named local tags (`!Ref x`, `!Join` + block) are read
// too and handed to `tagged`, as the full parser does with the same option; a test holds the two
// equal on real templates. Any other tag still sends the document to the full parser.

import type { ArrayNode, ObjectNode, PropertyNode, ValueNode } from './node';
import type { ParseProblem } from './document';
import { parseLimits } from './limits';

class Bail extends Error {}

interface Line {
  start: number;
  /** Offset of the first non-space character (or the line end). */
  content: number;
  end: number;
  indent: number;
  /** Empty or comment only. */
  blank: boolean;
  /** Offset after this line's line break (the text length on the last line). */
  next: number;
}

const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** Local tags the fast path may read, and what a tagged value becomes (see YamlTagOptions). */
export interface FastYamlTags {
  names: ReadonlySet<string>;
  tagged(tag: string, value: ValueNode, tagStart: number): ValueNode;
}

export function parseYamlFast(text: string, tags?: FastYamlTags): { root: ValueNode; problems: ParseProblem[] } | undefined {
  try {
    return new FastYaml(text, tags).parse();
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

class FastYaml {
  private readonly lines: Line[] = [];
  private readonly problems: ParseProblem[] = [];
  /** Open collections; past the budget the full parser reports the depth. */
  private depth = 0;
  private readonly maxDepth = parseLimits().maxDepth;

  constructor(private readonly text: string, private readonly tags?: FastYamlTags) {}

  /** A known tag at `pos` (`!Name` then a space or the line end): its name, and where its value starts. */
  private tagAt(pos: number, end: number): { tag: string; start: number; after: number } | undefined {
    if (!this.tags || this.text.charCodeAt(pos) !== 33) return undefined;
    let p = pos + 1;
    while (p < end && /[A-Za-z]/.test(this.text[p])) p++;
    const tag = this.text.slice(pos, p);
    if (!this.tags.names.has(tag.slice(1)) || !this.isSpaceOrEnd(p, end)) throw new Bail();
    while (p < end && this.text.charCodeAt(p) === 32) p++;
    // A comment right after a tag, a tag on a tag, an anchor: left to the full parser.
    if (p < end && (this.text.charCodeAt(p) === 35 || this.text.charCodeAt(p) === 33 || this.text.charCodeAt(p) === 38)) throw new Bail();
    return { tag, start: pos, after: p };
  }

  private wrap(tag: { tag: string; start: number } | undefined, value: ValueNode): ValueNode {
    return tag ? this.tags!.tagged(tag.tag, value, tag.start) : value;
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) throw new Bail();
  }

  private leave<T>(result: T): T {
    this.depth--;
    return result;
  }

  parse(): { root: ValueNode; problems: ParseProblem[] } {
    // Tabs have context-dependent meaning in YAML (separation vs. content vs. error).
    if (this.text.includes('\t')) throw new Bail();
    this.splitLines();
    const first = this.nextContent(0);
    if (first < 0) throw new Bail();
    const line = this.lines[first];
    const c = this.text.charCodeAt(line.content);
    let root: ValueNode;
    let next: number;
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const r = this.flow(line.content, line.end);
      this.expectLineRest(r.end, line.end);
      root = r.node;
      next = this.nextContent(first + 1);
    } else {
      [root, next] = this.block(first, line.indent, line.content);
    }
    if (next >= 0) throw new Bail(); // content the block did not take: let the full parser explain
    return { root, problems: this.problems };
  }

  private splitLines(): void {
    const text = this.text;
    const len = text.length;
    let start = 0;
    let seenContent = false;
    while (start <= len) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = len;
      let lineEnd = end;
      if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      let p = start;
      while (p < lineEnd && text.charCodeAt(p) === 32) p++;
      if (p < lineEnd && text.charCodeAt(p) === 9) throw new Bail();
      const blank = p === lineEnd || text.charCodeAt(p) === 35;
      if (!blank && p === start && (text.startsWith('---', p) || text.startsWith('...', p) || text.charCodeAt(p) === 37)) throw new Bail();
      // The package attaches indented comment lines to the node before them, which moves that
      // node's end; those rules are subtle, so such documents take the full parser.
      if (blank && p > start && p < lineEnd && seenContent) throw new Bail();
      if (!blank) seenContent = true;
      this.lines.push({ start, content: p, end: lineEnd, indent: p - start, blank, next: end === len ? len : end + 1 });
      if (end === len) break;
      start = end + 1;
    }
  }

  private nextContent(from: number): number {
    for (let i = from; i < this.lines.length; i++) if (!this.lines[i].blank) return i;
    return -1;
  }

  /** A block node whose first token is at `pos` on line `li`, indented `col`. Returns [node, next line]. */
  private block(li: number, col: number, pos: number): [ValueNode, number, number] {
    const t = this.text;
    if (t.charCodeAt(pos) === 45 /* - */ && this.isSpaceOrEnd(pos + 1, this.lines[li].end)) return this.sequence(li, col, pos);
    return this.mapping(li, col, pos);
  }

  private isSpaceOrEnd(pos: number, end: number): boolean {
    return pos >= end || this.text.charCodeAt(pos) === 32;
  }

  /** Returns [node, next content line, node end as the package counts it (its range[2])]. */
  private mapping(li: number, col: number, pos: number): [ObjectNode, number, number] {
    this.enter();
    const node: ObjectNode = { kind: 'object', entries: [], start: pos, end: pos };
    const seen = new Map<string, [number, number]>();
    let line = this.lines[li];
    while (true) {
      const key = this.key(pos, line.end);
      let valuePos = key.colon + 1;
      const end = line.end;
      while (valuePos < end && this.text.charCodeAt(valuePos) === 32) valuePos++;
      const tag = valuePos < end ? this.tagAt(valuePos, end) : undefined;
      if (tag) valuePos = tag.after;
      let value: ValueNode;
      let next: number;
      let nodeEnd: number;
      if (valuePos >= end || (this.text.charCodeAt(valuePos) === 35 && valuePos > key.colon + 1)) {
        next = this.nextContent(li + 1);
        const nl = next >= 0 ? this.lines[next] : undefined;
        if (nl && nl.indent > col) {
          [value, next, nodeEnd] = this.block(next, nl.indent, nl.content);
        } else if (nl && nl.indent === col && this.text.charCodeAt(nl.content) === 45 && this.isSpaceOrEnd(nl.content + 1, nl.end)) {
          [value, next, nodeEnd] = this.sequence(next, col, nl.content);
        } else {
          // an empty value followed by a comment: the package's end offsets vary with what follows
          if (valuePos < end || tag) throw new Bail();
          value = { kind: 'null', value: null, start: valuePos, end: valuePos };
          nodeEnd = valuePos;
        }
      } else {
        value = this.inlineValue(valuePos, end);
        next = this.nextContent(li + 1);
        nodeEnd = line.next;
      }
      value = this.wrap(tag, value);
      const earlier = seen.get(key.key);
      if (earlier) this.problems.push({ code: 'parse/duplicate-key', message: `Duplicate key '${key.key}'.`, start: key.start, end: key.end, otherStart: earlier[0], otherEnd: earlier[1] });
      seen.set(key.key, [key.start, key.end]);
      const prop: PropertyNode = { key: key.key, keyStart: key.start, keyEnd: key.end, value };
      node.entries.push(prop);
      node.end = nodeEnd;
      if (next < 0) return this.leave([node, next, nodeEnd]);
      line = this.lines[next];
      if (line.indent < col) return this.leave([node, next, nodeEnd]);
      if (line.indent > col) throw new Bail();
      if (this.text.charCodeAt(line.content) === 45 && this.isSpaceOrEnd(line.content + 1, line.end)) return this.leave([node, next, nodeEnd]);
      li = next;
      pos = line.content;
    }
  }

  private sequence(li: number, col: number, pos: number): [ArrayNode, number, number] {
    this.enter();
    const node: ArrayNode = { kind: 'array', items: [], start: pos, end: pos };
    let line = this.lines[li];
    while (true) {
      let itemPos = pos + 1;
      const end = line.end;
      while (itemPos < end && this.text.charCodeAt(itemPos) === 32) itemPos++;
      const tag = itemPos < end ? this.tagAt(itemPos, end) : undefined;
      if (tag) itemPos = tag.after;
      let item: ValueNode;
      let next: number;
      let nodeEnd: number;
      if (itemPos >= end || this.text.charCodeAt(itemPos) === 35) {
        next = this.nextContent(li + 1);
        const nl = next >= 0 ? this.lines[next] : undefined;
        if (nl && nl.indent > col) [item, next, nodeEnd] = this.block(next, nl.indent, nl.content);
        else {
          if (itemPos < end || tag) throw new Bail();
          item = { kind: 'null', value: null, start: itemPos, end: itemPos };
          nodeEnd = itemPos;
        }
      } else {
        const c = this.text.charCodeAt(itemPos);
        if (c === 45 && this.isSpaceOrEnd(itemPos + 1, end)) {
          // "- - x": a sequence in a sequence, as CloudFormation's Fn::Join lines are written (templates only).
          if (!this.tags || tag) throw new Bail();
          [item, next, nodeEnd] = this.sequence(li, itemPos - line.start, itemPos);
        } else if (c !== 123 && c !== 91 && this.looksLikeKey(itemPos, end)) {
          if (tag) throw new Bail(); // a tagged mapping inside a sequence item

          [item, next, nodeEnd] = this.mapping(li, itemPos - line.start, itemPos);
        } else {
          item = this.inlineValue(itemPos, end);
          next = this.nextContent(li + 1);
          nodeEnd = line.next;
        }
      }
      node.items.push(this.wrap(tag, item));
      node.end = nodeEnd;
      if (next < 0) return this.leave([node, next, nodeEnd]);
      line = this.lines[next];
      if (line.indent < col) return this.leave([node, next, nodeEnd]);
      if (line.indent > col) throw new Bail();
      if (!(this.text.charCodeAt(line.content) === 45 && this.isSpaceOrEnd(line.content + 1, line.end))) return this.leave([node, next, nodeEnd]);
      li = next;
      pos = line.content;
    }
  }

  /** `key:` (plain or quoted) at pos; the colon must be followed by a space or the line end. */
  private key(pos: number, end: number): { key: string; start: number; end: number; colon: number } {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === 34 || c === 39) {
      const q = this.quoted(pos, end);
      if (t.charCodeAt(q.end) !== 58 || !this.isSpaceOrEnd(q.end + 1, end)) throw new Bail();
      return { key: q.value, start: pos, end: q.end, colon: q.end };
    }
    if (isIndicator(c) || c === 123 || c === 91 || c === 63) throw new Bail();
    let p = pos;
    while (p < end) {
      const k = t.charCodeAt(p);
      if (k === 58 && this.isSpaceOrEnd(p + 1, end)) break;
      if (k === 35 && t.charCodeAt(p - 1) === 32) throw new Bail();
      p++;
    }
    if (p >= end) throw new Bail();
    let keyEnd = p;
    while (keyEnd > pos && t.charCodeAt(keyEnd - 1) === 32) keyEnd--;
    const raw = t.slice(pos, keyEnd);
    // merge keys (<<) and keys that resolve to numbers, booleans or null are left to the full parser
    if (raw === '<<' || resolvePlain(raw, pos, keyEnd).kind !== 'string') throw new Bail();
    return { key: raw, start: pos, end: keyEnd, colon: p };
  }

  private looksLikeKey(pos: number, end: number): boolean {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === 34 || c === 39) {
      const close = t.indexOf(String.fromCharCode(c), pos + 1);
      // quoted scalar followed by ':' is a key; escaped/doubled quotes are left to the full parser
      if (close < 0 || close >= end) throw new Bail();
      if (t.charCodeAt(close + 1) === c) throw new Bail();
      return t.charCodeAt(close + 1) === 58;
    }
    for (let p = pos; p < end; p++) {
      const k = t.charCodeAt(p);
      if (k === 58 && this.isSpaceOrEnd(p + 1, end)) return true;
      if (k === 35 && t.charCodeAt(p - 1) === 32) return false;
    }
    return false;
  }

  /** A value on the rest of a line: flow collection, quoted or plain scalar, then only a comment. */
  private inlineValue(pos: number, end: number): ValueNode {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === 123 || c === 91) {
      const r = this.flow(pos, end);
      this.expectLineRest(r.end, end);
      return r.node;
    }
    if (c === 34 || c === 39) {
      const q = this.quoted(pos, end);
      this.expectLineRest(q.end, end);
      return { kind: 'string', value: q.value, start: pos, end: q.end };
    }
    if (isIndicator(c) || (c === 45 && this.isSpaceOrEnd(pos + 1, end)) || ((c === 63 || c === 58) && this.isSpaceOrEnd(pos + 1, end))) throw new Bail();
    let p = pos;
    let last = pos;
    while (p < end) {
      const k = t.charCodeAt(p);
      if (k === 35 && t.charCodeAt(p - 1) === 32) break;
      if (k === 58 && this.isSpaceOrEnd(p + 1, end)) throw new Bail(); // `a: b: c`
      if (k !== 32) last = p + 1;
      p++;
    }
    return resolvePlain(t.slice(pos, last), pos, last);
  }

  private expectLineRest(pos: number, end: number): void {
    const t = this.text;
    let p = pos;
    while (p < end && t.charCodeAt(p) === 32) p++;
    if (p < end && !(t.charCodeAt(p) === 35 && p > pos)) throw new Bail();
  }

  /** Single-line quoted scalar starting at pos; returns its value and the offset after the closing quote. */
  private quoted(pos: number, end: number): { value: string; end: number } {
    const t = this.text;
    const q = t.charCodeAt(pos);
    let out = '';
    let chunk = pos + 1;
    let p = pos + 1;
    while (true) {
      if (p >= end) throw new Bail(); // multi-line or unterminated
      const k = t.charCodeAt(p);
      if (q === 39) {
        if (k === 39) {
          if (t.charCodeAt(p + 1) === 39) {
            out += t.slice(chunk, p + 1);
            p += 2;
            chunk = p;
            continue;
          }
          return { value: out + t.slice(chunk, p), end: p + 1 };
        }
        p++;
        continue;
      }
      if (k === 34) return { value: out + t.slice(chunk, p), end: p + 1 };
      if (k === 92) {
        out += t.slice(chunk, p);
        const e = t[p + 1];
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          p += 2;
        } else if (e === 'x' || e === 'u' || e === 'U') {
          const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = t.slice(p + 2, p + 2 + n);
          const cp = parseInt(hex, 16);
          // Past U+10FFFF is no character: the full parser reports it.
          if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex) || cp > 0x10ffff) throw new Bail();
          out += String.fromCodePoint(cp);
          p += 2 + n;
        } else {
          throw new Bail();
        }
        chunk = p;
        continue;
      }
      p++;
    }
  }

  /** Single-line flow collection `{…}` / `[…]`. */
  private flow(pos: number, end: number): { node: ValueNode; end: number } {
    this.enter();
    const t = this.text;
    const ws = (p: number): number => {
      while (p < end && t.charCodeAt(p) === 32) p++;
      return p;
    };
    const scalar = (p: number, inMap: boolean): { node: ValueNode; end: number } => {
      const tag = this.tagAt(p, end);
      if (tag) {
        if (tag.after >= end) throw new Bail();
        const inner = scalar(tag.after, inMap);
        return { node: this.wrap(tag, inner.node), end: inner.end };
      }
      const c = t.charCodeAt(p);
      if (c === 123 || c === 91) return this.flow(p, end);
      if (c === 34 || c === 39) {
        const q = this.quoted(p, end);
        return { node: { kind: 'string', value: q.value, start: p, end: q.end }, end: q.end };
      }
      if (isIndicator(c) || c === 44 || c === 93 || c === 125) throw new Bail();
      if ((c === 63 || c === 58 || c === 45) && (p + 1 >= end || ' ,[]{}'.includes(t[p + 1]))) throw new Bail();
      let e = p;
      let last = p;
      while (e < end) {
        const k = t.charCodeAt(e);
        if (k === 44 || k === 93 || k === 125 || k === 91 || k === 123) break;
        if (k === 58 && (inMap || true) && (e + 1 >= end || t.charCodeAt(e + 1) === 32 || t.charCodeAt(e + 1) === 44 || t.charCodeAt(e + 1) === 125 || t.charCodeAt(e + 1) === 93)) break;
        if (k === 35 && t.charCodeAt(e - 1) === 32) throw new Bail();
        if (k !== 32) last = e + 1;
        e++;
      }
      return { node: resolvePlain(t.slice(p, last), p, last), end: last };
    };
    if (t.charCodeAt(pos) === 91) {
      const node: ArrayNode = { kind: 'array', items: [], start: pos, end: pos };
      let p = ws(pos + 1);
      if (t.charCodeAt(p) === 93) {
        node.end = p + 1;
        return this.leave({ node, end: p + 1 });
      }
      while (true) {
        if (p >= end) throw new Bail();
        const item = scalar(p, false);
        p = ws(item.end);
        if (t.charCodeAt(p) === 58) throw new Bail(); // implicit single-pair maps in sequences
        node.items.push(item.node);
        const c = t.charCodeAt(p);
        if (c === 44) {
          p = ws(p + 1);
          if (t.charCodeAt(p) === 93) throw new Bail(); // trailing comma: let the full parser judge
          continue;
        }
        if (c === 93) {
          node.end = p + 1;
          return this.leave({ node, end: p + 1 });
        }
        throw new Bail();
      }
    }
    const node: ObjectNode = { kind: 'object', entries: [], start: pos, end: pos };
    const seen = new Map<string, [number, number]>();
    let p = ws(pos + 1);
    if (t.charCodeAt(p) === 125) {
      node.end = p + 1;
      return this.leave({ node, end: p + 1 });
    }
    while (true) {
      if (p >= end) throw new Bail();
      const k = scalar(p, true);
      if (k.node.kind !== 'string') throw new Bail();
      p = ws(k.end);
      if (t.charCodeAt(p) !== 58) throw new Bail();
      p = ws(p + 1);
      const v = scalar(p, true);
      const key = k.node.value;
      const earlier = seen.get(key);
      if (earlier) this.problems.push({ code: 'parse/duplicate-key', message: `Duplicate key '${key}'.`, start: k.node.start, end: k.node.end, otherStart: earlier[0], otherEnd: earlier[1] });
      seen.set(key, [k.node.start, k.node.end]);
      node.entries.push({ key, keyStart: k.node.start, keyEnd: k.node.end, value: v.node });
      p = ws(v.end);
      const c = t.charCodeAt(p);
      if (c === 44) {
        p = ws(p + 1);
        if (t.charCodeAt(p) === 125) throw new Bail();
        continue;
      }
      if (c === 125) {
        node.end = p + 1;
        return this.leave({ node, end: p + 1 });
      }
      throw new Bail();
    }
  }
}

const ESCAPES: Record<string, string> = {
  '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0', a: '\x07', v: '\v', e: '\x1b', ' ': ' ',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', '\t': '\t',
};

/** Characters that start YAML syntax the fast path leaves to the full parser. */
function isIndicator(c: number): boolean {
  // & * ! | > % @ ` and the flow indicators handled by callers
  return c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 37 || c === 64 || c === 96 || c === 44 || c === 93 || c === 125 || c === 35;
}

/** YAML 1.2 core schema resolution of a plain scalar, as the yaml package does it. */
function resolvePlain(raw: string, start: number, end: number): ValueNode {
  if (raw === '') return { kind: 'null', value: null, start, end };
  const c = raw.charCodeAt(0);
  // Fast exit: most plain scalars start with a letter other than those of null/true/false/.inf
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (INT.test(raw)) return { kind: 'number', value: Number(raw), raw, start, end };
    if (FLOAT.test(raw)) return { kind: 'number', value: Number(raw), raw, start, end };
    if (OCT.test(raw)) return { kind: 'number', value: parseInt(raw.slice(2), 8), raw, start, end };
    if (HEX.test(raw)) return { kind: 'number', value: parseInt(raw.slice(2), 16), raw, start, end };
    if (SPECIAL_FLOAT.test(raw)) return { kind: 'number', value: raw.endsWith('nan') || raw.endsWith('NaN') || raw.endsWith('NAN') ? NaN : raw.startsWith('-') ? -Infinity : Infinity, raw, start, end };
    return { kind: 'string', value: raw, start, end };
  }
  if (raw === '~' || raw === 'null' || raw === 'Null' || raw === 'NULL') return { kind: 'null', value: null, start, end };
  if (raw === 'true' || raw === 'True' || raw === 'TRUE') return { kind: 'boolean', value: true, start, end };
  if (raw === 'false' || raw === 'False' || raw === 'FALSE') return { kind: 'boolean', value: false, start, end };
  return { kind: 'string', value: raw, start, end };
}
