// A small, fast JSON parser that keeps offsets and recovers from errors.
// Hand-written rather than the yaml package: a 1 MiB state machine must validate in well under 100 ms.

import type { ArrayNode, ObjectNode, PropertyNode, ValueNode } from './node';
import type { ParseProblem } from './document';
import { parseLimits, tooDeepMessage } from './limits';

const enum Ch {
  Tab = 9, LF = 10, CR = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45, Dot = 46, Slash = 47,
  Zero = 48, Nine = 57, Colon = 58, UpperE = 69, LBracket = 91, Backslash = 92, RBracket = 93,
  LowerE = 101, LBrace = 123, RBrace = 125,
}

class Stop extends Error {}

function linkTo(parent: PropertyNode | ArrayNode | undefined, index: number, node: ValueNode): void {
  if (!parent) return;
  if ('key' in parent) parent.value = node;
  else parent.items[index] = node;
}

export function parseJson(text: string): { root?: ValueNode; problems: ParseProblem[] } {
  const problems: ParseProblem[] = [];
  let pos = 0;
  const len = text.length;

  const maxDepth = parseLimits().maxDepth;
  const fail = (message: string, start = pos, end = Math.min(pos + 1, len), code: ParseProblem['code'] = 'parse/syntax'): never => {
    problems.push({ code, message, start, end: Math.max(end, start) });
    throw new Stop();
  };

  const skipWhitespace = (): void => {
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Space || c === Ch.LF || c === Ch.CR || c === Ch.Tab) pos++;
      else if (c === Ch.Slash && text.charCodeAt(pos + 1) === Ch.Slash) {
        problems.push({ code: 'parse/comment', message: 'Comments are not allowed in JSON.', start: pos, end: text.indexOf('\n', pos) < 0 ? len : text.indexOf('\n', pos) });
        while (pos < len && text.charCodeAt(pos) !== Ch.LF) pos++;
      } else if (c === Ch.Slash && text.charCodeAt(pos + 1) === 42) {
        const close = text.indexOf('*/', pos + 2);
        const end = close < 0 ? len : close + 2;
        problems.push({ code: 'parse/comment', message: 'Comments are not allowed in JSON.', start: pos, end });
        pos = end;
      } else break;
    }
  };

  const parseString = (): string => {
    const start = pos;
    pos++; // opening quote
    let out = '';
    let chunkStart = pos;
    while (true) {
      if (pos >= len) fail('Unterminated string.', start, len);
      const c = text.charCodeAt(pos);
      if (c === Ch.Quote) {
        out += text.slice(chunkStart, pos);
        pos++;
        return out;
      }
      if (c === Ch.Backslash) {
        out += text.slice(chunkStart, pos);
        const e = text[pos + 1];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(pos + 2, pos + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid unicode escape.', pos, pos + 6);
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            fail(`Invalid escape character \\${e ?? ''}.`, pos, pos + 2);
        }
        pos += 2;
        chunkStart = pos;
        continue;
      }
      if (c < 0x20) {
        if (c === Ch.LF || c === Ch.CR) fail('Unterminated string.', start, pos);
        fail('Control characters must be escaped in JSON strings.', pos, pos + 1);
      }
      pos++;
    }
  };

  const parseNumber = (): ValueNode => {
    const start = pos;
    if (text.charCodeAt(pos) === Ch.Minus) pos++;
    const digitsStart = pos;
    while (pos < len && text.charCodeAt(pos) >= Ch.Zero && text.charCodeAt(pos) <= Ch.Nine) pos++;
    if (pos === digitsStart) fail('Invalid number.', start, pos + 1);
    if (text.charCodeAt(digitsStart) === Ch.Zero && pos - digitsStart > 1) fail('Numbers cannot have leading zeros.', start, pos);
    if (text.charCodeAt(pos) === Ch.Dot) {
      pos++;
      const f = pos;
      while (pos < len && text.charCodeAt(pos) >= Ch.Zero && text.charCodeAt(pos) <= Ch.Nine) pos++;
      if (pos === f) fail('Invalid number: digits expected after the decimal point.', start, pos);
    }
    const e = text.charCodeAt(pos);
    if (e === Ch.LowerE || e === Ch.UpperE) {
      pos++;
      const s = text.charCodeAt(pos);
      if (s === Ch.Plus || s === Ch.Minus) pos++;
      const f = pos;
      while (pos < len && text.charCodeAt(pos) >= Ch.Zero && text.charCodeAt(pos) <= Ch.Nine) pos++;
      if (pos === f) fail('Invalid number: digits expected in the exponent.', start, pos);
    }
    const raw = text.slice(start, pos);
    return { kind: 'number', value: Number(raw), raw, start, end: pos };
  };

  const parseLiteral = (word: string, node: ValueNode): ValueNode => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return node;
    }
    let end = pos;
    while (end < len && /[A-Za-z0-9_$.{}-]/.test(text[end])) end++;
    return fail(`Unexpected token '${text.slice(pos, Math.max(end, pos + 1))}'. A value is expected.`, pos, Math.max(end, pos + 1));
  };

  let depth = 0;
  // The outermost container stays first so a failed parse can still return it.
  const openContainers: (ObjectNode | ArrayNode)[] = [];
  // `parent` is where a new container is linked before its children are read: a property (its
  // value) or an array (item `index`). Plain arguments rather than closures: this runs per value.
  const parseValue = (parent?: PropertyNode | ArrayNode, index = 0): ValueNode => {
    skipWhitespace();
    if (pos >= len) fail('Unexpected end of file: a value is expected.', len, len);
    const c = text.charCodeAt(pos);
    const start = pos;
    switch (c) {
      case Ch.LBrace: {
        if (++depth > maxDepth) fail(tooDeepMessage(maxDepth), pos, pos + 1, 'parse/too-complex');
        const node: ObjectNode = { kind: 'object', entries: [], start, end: start };
        openContainers.push(node);
        linkTo(parent, index, node);
        pos++;
        skipWhitespace();
        // Duplicate detection: a linear scan while objects are small, a map once they grow.
        let seen: Map<string, PropertyNode> | undefined;
        if (text.charCodeAt(pos) === Ch.RBrace) {
          pos++;
        } else {
          while (true) {
            skipWhitespace();
            if (text.charCodeAt(pos) !== Ch.Quote) {
              if (text.charCodeAt(pos) === Ch.RBrace) fail('Trailing comma.', pos - 1, pos);
              fail('A property name in double quotes is expected.');
            }
            const keyStart = pos;
            const key = parseString();
            const keyEnd = pos;
            skipWhitespace();
            if (text.charCodeAt(pos) !== Ch.Colon) fail("A colon ':' is expected after the property name.");
            pos++;
            const prop: PropertyNode = { key, keyStart, keyEnd, value: { kind: 'null', value: null, start: pos, end: pos } };
            node.entries.push(prop);
            let earlier: PropertyNode | undefined;
            if (seen) earlier = seen.get(key);
            else {
              const entries = node.entries;
              for (let i = entries.length - 2; i >= 0; i--) if (entries[i].key === key) { earlier = entries[i]; break; }
              if (entries.length > 16) {
                seen = new Map();
                for (const e of entries) seen.set(e.key, e);
              }
            }
            if (earlier) {
              problems.push({ code: 'parse/duplicate-key', message: `Duplicate key '${key}'.`, start: keyStart, end: keyEnd, otherStart: earlier.keyStart, otherEnd: earlier.keyEnd });
            }
            if (seen) seen.set(key, prop);
            prop.value = parseValue(prop);
            skipWhitespace();
            const n = text.charCodeAt(pos);
            if (n === Ch.Comma) { pos++; continue; }
            if (n === Ch.RBrace) { pos++; break; }
            fail(pos >= len ? "Unexpected end of file: '}' is expected." : "A comma ',' or '}' is expected.", pos, pos + 1);
          }
        }
        node.end = pos;
        depth--;
        if (openContainers.length > 1) openContainers.pop();
        return node;
      }
      case Ch.LBracket: {
        if (++depth > maxDepth) fail(tooDeepMessage(maxDepth), pos, pos + 1, 'parse/too-complex');
        const node: ArrayNode = { kind: 'array', items: [], start, end: start };
        openContainers.push(node);
        linkTo(parent, index, node);
        pos++;
        skipWhitespace();
        if (text.charCodeAt(pos) === Ch.RBracket) {
          pos++;
        } else {
          while (true) {
            skipWhitespace();
            if (text.charCodeAt(pos) === Ch.RBracket) fail('Trailing comma.', pos - 1, pos);
            const itemIndex = node.items.push({ kind: 'null', value: null, start: pos, end: pos }) - 1;
            node.items[itemIndex] = parseValue(node, itemIndex);
            skipWhitespace();
            const n = text.charCodeAt(pos);
            if (n === Ch.Comma) { pos++; continue; }
            if (n === Ch.RBracket) { pos++; break; }
            fail(pos >= len ? "Unexpected end of file: ']' is expected." : "A comma ',' or ']' is expected.", pos, pos + 1);
          }
        }
        node.end = pos;
        depth--;
        if (openContainers.length > 1) openContainers.pop();
        return node;
      }
      case Ch.Quote: {
        const value = parseString();
        return { kind: 'string', value, start, end: pos };
      }
      case 116: return parseLiteral('true', { kind: 'boolean', value: true, start, end: start + 4 });
      case 102: return parseLiteral('false', { kind: 'boolean', value: false, start, end: start + 5 });
      case 110: return parseLiteral('null', { kind: 'null', value: null, start, end: start + 4 });
      default:
        if (c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine)) return parseNumber();
        return parseLiteral('\u0000', { kind: 'null', value: null, start, end: start });
    }
  };

  // Recovery keeps the partial tree: containers are linked into their parents before their
  // children are read, so after a syntax error the rules still see everything read so far.
  try {
    skipWhitespace();
    if (pos >= len) {
      problems.push({ code: 'parse/empty', message: 'The document is empty.', start: 0, end: 0 });
      return { problems };
    }
    const root = parseValue();
    skipWhitespace();
    if (pos < len) fail('Unexpected content after the end of the document.', pos, len);
    return { root, problems };
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    for (const open of openContainers) open.end = Math.max(open.end, pos);
    return { root: openContainers[0] ?? undefined, problems };
  }
}
