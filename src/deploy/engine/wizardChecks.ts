// The wizard's input checks are the manifest diagnostics themselves: the answer is written into
// a one-entry manifest and checked, so a name or ARN the wizard accepts is one the Problems view accepts.

import { checkManifest, parseManifest } from '../../core/manifest';
import { allEntries, type ManifestEntryKind } from '../../core/manifest/model';
import { addManifestEntry } from './manifestEdit';

/** The first error the manifest checks report on this field (`''` = the entry's name), or undefined. */
export function checkEntryField(kind: ManifestEntryKind, name: string, spec: Record<string, unknown>, field: string): string | undefined {
  let text: string;
  try {
    text = addManifestEntry(undefined, { kind, name, spec });
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  const parsed = parseManifest(text);
  const entry = allEntries(parsed.manifest).find((e) => e.kind === kind);
  if (!entry) return undefined;
  const lines = parsed.document.lines;
  const [start, end] = field === ''
    ? [lines.offsetAt(entry.nameRange.start), lines.offsetAt(entry.nameRange.end)]
    : entry.fields[field] ? [entry.fields[field].keyStart, entry.fields[field].valueEnd] : [-1, -1];
  if (start < 0) return undefined;
  const findings = [...parsed.findings, ...checkManifest(parsed, { fileExists: () => true })];
  const hit = findings.find((f) => {
    // The wizard asks for the other fields in later steps: their absence is not this answer's fault.
    if (f.severity !== 'error' || f.code === 'manifest/missing-field') return false;
    const at = lines.offsetAt(f.range.start);
    return at >= start && at <= end;
  });
  return hit?.message;
}
