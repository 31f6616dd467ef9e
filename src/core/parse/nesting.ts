// How deep a YAML text nests, estimated in one pass before the yaml package sees it: the package
// recurses per level and needs seconds to hit the stack limit on a 100,000-deep document.
// The estimate never undercounts real nesting (each level needs more indentation, a `- ` or `? `
// on the line, or a flow bracket), so a document it accepts parses within the stack.

/** The offset where the nesting first exceeds `maxDepth`, or undefined. */
export function yamlNestingOverflow(text: string, maxDepth: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote = 0; // the open quote character while inside a quoted scalar
  let pos = 0;
  const len = text.length;
  while (pos < len) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = len;
    let p = pos;
    if (quote === 0 && flow === 0) {
      while (p < lineEnd && text.charCodeAt(p) === 32) p++;
      const c = text.charCodeAt(p);
      if (p < lineEnd && c !== 35 && c !== 13) {
        const indent = p - pos;
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        // compact nesting on one line: `- - - x`, `? ? x`
        while ((text.charCodeAt(p) === 45 || text.charCodeAt(p) === 63) && (text.charCodeAt(p + 1) === 32 || p + 1 >= lineEnd)) {
          p += 2;
          if (indents.length + 1 > maxDepth) return p;
          indents.push(indent + (p - pos));
          while (p < lineEnd && text.charCodeAt(p) === 32) p++;
        }
        if (indents.length > maxDepth) return p;
      }
    }
    let valueStart = true;
    for (; p < lineEnd; p++) {
      const c = text.charCodeAt(p);
      if (quote !== 0) {
        if (c === 92 && quote === 34) p++;
        else if (c === quote) {
          if (quote === 39 && text.charCodeAt(p + 1) === 39) p++;
          else {
            quote = 0;
            valueStart = false;
          }
        }
        continue;
      }
      if (c === 32 || c === 13) continue;
      if (c === 35 && (p === pos || text.charCodeAt(p - 1) === 32)) break; // comment
      if (valueStart && (c === 34 || c === 39)) {
        quote = c;
        continue;
      }
      if (valueStart && (c === 91 || c === 123)) {
        flow++;
        if (indents.length + flow > maxDepth) return p;
        continue;
      }
      if (flow > 0 && (c === 93 || c === 125)) {
        flow--;
        valueStart = false;
        continue;
      }
      valueStart = c === 44 || c === 58 || c === 45 || c === 63;
    }
    pos = lineEnd + 1;
  }
  return undefined;
}
