// In-memory templates and sibling files for the template tests.
import type { Finding } from '../../../src/core/findings';
import { lintText } from '../../../src/core/lint';
import type { SiblingFiles, TemplateSource } from '../../../src/core/cfn';

/** Files relative to the template's folder; folders are listed from the file paths. */
export function memoryFiles(files: Record<string, string>, outside: string[] = []): SiblingFiles {
  const norm = (p: string) => p.replace(/^\.\//, '');
  return {
    exists: (rel) => norm(rel) in files || Object.keys(files).some((f) => f.startsWith(`${norm(rel)}/`)),
    read: (rel) => files[norm(rel)],
    list: (rel) => {
      const prefix = rel ? `${norm(rel)}/` : '';
      const names = new Set<string>();
      for (const f of Object.keys(files)) if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0]);
      return names.size ? [...names] : undefined;
    },
    contained: (rel) => !outside.some((o) => norm(rel).startsWith(o)),
  };
}

export function lintTemplateText(text: string, files: Record<string, string> = {}, fileName = 'template.yaml'): Finding[] {
  const r = lintText({ fileName, text, context: { fileExists: () => true, siblingFiles: memoryFiles(files) } });
  if (r.kind !== 'cloudFormationTemplate') throw new Error(`detected as ${r.kind}`);
  return r.findings;
}

export function lintDefinitionFile(fileName: string, text: string, templates: TemplateSource[]): Finding[] {
  return lintText({ fileName, text, context: { fileExists: () => true, templates } }).findings;
}

/** The source text a finding covers. */
export function covered(text: string, f: Finding): string {
  const lines = text.split('\n');
  const { start, end } = f.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

export function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** Applies a fix's edits (all in one text, from the end backwards). */
export function applyEdits(text: string, edits: { range: Finding['range']; newText: string }[]): string {
  const offset = (line: number, character: number) => text.split('\n').slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start.line, b.range.start.character) - offset(a.range.start.line, a.range.start.character));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start.line, e.range.start.character)) + e.newText + out.slice(offset(e.range.end.line, e.range.end.character));
  return out;
}
