// JSONPath checks for the JSONPath query language: Paths, Reference Paths, context and variable paths.
// Deliberately lenient inside names and filters (Jayway accepts a lot); only sure syntax errors fail.

export type PathKind = 'path' | 'reference';

export interface PathProblem {
  message: string;
}

const enum C { Dollar = 36, Dot = 46, LBracket = 91, RBracket = 93, Quote = 39, DQuote = 34, LParen = 40, RParen = 41, Star = 42, Backslash = 92 }

/**
 * Checks a path string. `context` allows `$$…`, `variables` allows `$name…`.
 * Reference Paths may not use deep scan, wildcards, unions or slices (filters are tolerated: the
 * Developer Guide shows `$.jar[?(@.a >= 5)]` as a reference path).
 */
export function checkPath(text: string, kind: PathKind, options: { context: boolean; variables: boolean }): PathProblem | undefined {
  const len = text.length;
  if (len === 0 || text.charCodeAt(0) !== C.Dollar) return { message: "A path must start with '$'." };
  let pos = 1;
  if (text.charCodeAt(1) === C.Dollar) {
    if (!options.context) return { message: "The context object ('$$') cannot be used here." };
    pos = 2;
  } else if (len > 1 && text.charCodeAt(1) !== C.Dot && text.charCodeAt(1) !== C.LBracket) {
    // `$name` variable reference
    let end = 1;
    while (end < len && text.charCodeAt(end) !== C.Dot && text.charCodeAt(end) !== C.LBracket) end++;
    const name = text.slice(1, end);
    if (!/^[\p{L}\p{Nl}_$][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$\u200C\u200D]*$/u.test(name)) return { message: `'${text}' is not a valid path: after '$' comes '.', '[', or a variable name.` };
    if (!options.variables) return { message: 'A variable cannot be used here.' };
    pos = end;
  }
  while (pos < len) {
    const c = text.charCodeAt(pos);
    if (c === C.Dot) {
      if (text.charCodeAt(pos + 1) === C.Dot) {
        if (kind === 'reference') return { message: "A reference path cannot use deep scan ('..')." };
        pos += 2;
        if (pos >= len) return { message: "The path ends after '..': a name is expected." };
        if (text.charCodeAt(pos) === C.LBracket) continue;
      } else {
        pos++;
      }
      if (pos >= len) return { message: "The path ends after '.': a name is expected." };
      const n = text.charCodeAt(pos);
      if (n === C.Dot) return { message: "Empty name between dots in the path." };
      // Jayway's compiler hands a '[' after a dot to the bracket reader ($.a.[0], $.[?(@.x)]): legal.
      if (n === C.LBracket) continue;
      if (n === C.Star) {
        if (kind === 'reference') return { message: "A reference path cannot use wildcards ('*')." };
        pos++;
        continue;
      }
      while (pos < len) {
        const k = text.charCodeAt(pos);
        if (k === C.Dot || k === C.LBracket) break;
        if (k === C.RBracket) return { message: "Unexpected ']' in the path." };
        if (k === C.LParen) {
          // Jayway functions such as length(): only at the very end
          const close = text.indexOf(')', pos);
          if (close < 0) return { message: "Unclosed '(' in the path." };
          pos = close + 1;
          if (pos < len) return { message: 'A path function must be the last part of the path.' };
          break;
        }
        pos++;
      }
    } else if (c === C.LBracket) {
      const r = readBracket(text, pos, kind);
      if (typeof r !== 'number') return r;
      pos = r;
    } else {
      return { message: `Unexpected '${text[pos]}' in the path: '.' or '[' is expected.` };
    }
  }
  return undefined;
}

function readBracket(text: string, open: number, kind: PathKind): number | PathProblem {
  const len = text.length;
  let pos = open + 1;
  while (pos < len && text.charCodeAt(pos) === 32) pos++;
  if (pos >= len) return { message: "Unclosed '[' in the path." };
  const first = text.charCodeAt(pos);
  if (first === 63 /* ? */) {
    // filter: skip balanced parentheses and quoted strings
    let depth = 0;
    for (pos++; pos < len; pos++) {
      const k = text.charCodeAt(pos);
      if (k === C.Quote || k === C.DQuote) {
        const close = skipQuoted(text, pos);
        if (close < 0) return { message: 'Unterminated string in a filter expression.' };
        pos = close;
      } else if (k === C.LParen) depth++;
      else if (k === C.RParen) depth--;
      else if (k === C.RBracket && depth <= 0) return pos + 1;
    }
    return { message: "Unclosed '[' in the path." };
  }
  let content = '';
  let sawItem = false;
  while (pos < len) {
    const k = text.charCodeAt(pos);
    if (k === C.Quote || k === C.DQuote) {
      const close = skipQuoted(text, pos);
      if (close < 0) return { message: 'Unterminated quoted name in the path.' };
      content += 'q';
      pos = close + 1;
      sawItem = true;
      continue;
    }
    if (k === C.RBracket) {
      if (!sawItem) return { message: "Empty '[]' in the path." };
      if (kind === 'reference') {
        if (content.includes('*')) return { message: "A reference path cannot use wildcards ('*')." };
        if (content.includes(',')) return { message: 'A reference path cannot select several items (union).' };
        if (content.includes(':')) return { message: 'A reference path cannot use array slices.' };
      }
      if (/[^0-9q*,: -]/.test(content)) return { message: "Inside '[…]' a path takes quoted names, numbers, '*', slices or a '?(…)' filter." };
      return pos + 1;
    }
    if (k === C.LBracket) return { message: "Unexpected '[' inside '[…]'." };
    if (k !== 32) sawItem = true;
    content += text[pos];
    pos++;
  }
  return { message: "Unclosed '[' in the path." };
}

function skipQuoted(text: string, open: number): number {
  const q = text.charCodeAt(open);
  for (let i = open + 1; i < text.length; i++) {
    const k = text.charCodeAt(i);
    if (k === C.Backslash) i++;
    else if (k === q) return i;
  }
  return -1;
}
