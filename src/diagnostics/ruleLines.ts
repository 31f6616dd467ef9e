// Where each rule code is documented in the README (no vscode import: unit tested).

/** The first line mentioning each code as `code` inside the generated rules section (0-based). */
export function indexRuleLines(readme: string): Map<string, number> {
  const out = new Map<string, number>();
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.includes('<!-- rules:start -->'));
  if (start < 0) return out;
  for (let i = start + 1; i < lines.length && !lines[i].includes('<!-- rules:end -->'); i++) {
    for (const m of lines[i].matchAll(/`([a-z0-9-]+\/[a-z0-9-]+)`/g)) if (!out.has(m[1])) out.set(m[1], i);
  }
  return out;
}
