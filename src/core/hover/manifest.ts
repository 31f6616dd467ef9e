// Hovers and completion in aws-workflows.yaml, from the manifest's field definitions
// (src/core/manifest/fields.ts, which also generates the JSON Schema).

import { AIRFLOW_ENVIRONMENTS_DESCRIPTION, fieldAt, SECTIONS, type FieldDef } from '../manifest/fields';
import type { ManifestEntryKind } from '../manifest/model';
import type { ParsedDocument } from '../parse/document';
import { locate, type PathSegment } from './locate';
import type { CompletionItem, HoverResult } from './types';
import { formatValue, valueContextAt } from './valueEdit';

interface ManifestPlace {
  kind: ManifestEntryKind | 'defaults';
  /** Dotted field path inside the entry (or defaults), e.g. `encryption.type`. */
  field: string;
}

/** `[section, entryName, ...field]` or `['defaults', ...field]` to a field place. */
function placeOf(path: readonly PathSegment[]): ManifestPlace | undefined {
  if (path.some((p) => typeof p === 'number')) return undefined;
  const [top, ...rest] = path as string[];
  if (top === 'defaults' && rest.length > 0) return { kind: 'defaults', field: rest.join('.') };
  const section = SECTIONS.find((s) => s.section === top);
  if (section && rest.length > 1) return { kind: section.kind, field: rest.slice(1).join('.') };
  return undefined;
}

export function describeField(def: FieldDef): string[] {
  const lines: string[] = [def.description];
  const facts: string[] = [];
  if ('enum' in def && def.enum) facts.push(`Values: ${def.enum.map((v) => `\`${v}\``).join(' · ')}`);
  if (def.type === 'string') {
    if (def.minLength !== undefined && def.maxLength !== undefined) facts.push(`Length: ${def.minLength}–${def.maxLength} characters`);
    else if (def.maxLength !== undefined) facts.push(`Length: at most ${def.maxLength} characters`);
    if (def.pattern) facts.push(`Pattern: \`${def.pattern}\``);
  }
  if (def.type === 'integer') {
    if (def.minimum !== undefined && def.maximum !== undefined) facts.push(`Range: ${def.minimum}–${def.maximum}`);
    if (def.default !== undefined) facts.push(`Default: ${def.default}`);
  }
  if (def.type === 'tags' && def.maxCount !== undefined) facts.push(`At most ${def.maxCount} tags`);
  if (def.type === 'stringList' && def.item.pattern) facts.push(`Each item: \`${def.item.pattern}\``);
  if (def.example !== undefined) facts.push(`Example: \`${typeof def.example === 'string' ? def.example : JSON.stringify(def.example)}\``);
  if (facts.length) lines.push('', ...facts.map((f) => `- ${f}`));
  return lines;
}

export function manifestHover(doc: ParsedDocument, offset: number): HoverResult | undefined {
  const loc = locate(doc, offset);
  if (!loc?.property || loc.on !== 'key') return undefined;
  const prop = loc.property;
  const range = doc.lines.range(prop.keyStart, prop.keyEnd);
  const path = loc.path;
  if (path.length === 1) {
    const section = SECTIONS.find((s) => s.section === prop.key);
    if (section) return { contents: `**${prop.key}**\n\n${section.description}`, range };
    if (prop.key === 'airflowEnvironments') return { contents: `**airflowEnvironments**\n\n${AIRFLOW_ENVIRONMENTS_DESCRIPTION}`, range };
    if (prop.key === 'defaults') return { contents: '**defaults**\n\nSettings every entry inherits unless it sets its own: `region`, `definitionBucket`, `definitionPrefix`.', range };
    return undefined;
  }
  if (path.length === 2) {
    const section = SECTIONS.find((s) => s.section === path[0]);
    if (section) return { contents: `**${prop.key}**: ${section.label}`, range };
  }
  const place = placeOf(path);
  if (!place) return undefined;
  const def = fieldAt(place.kind, place.field);
  if (!def) return undefined;
  const owner = place.kind === 'defaults' ? 'defaults' : SECTIONS.find((s) => s.kind === place.kind)?.label ?? place.kind;
  return { contents: [`**${place.field}** — ${owner}`, '', ...describeField(def)].join('\n'), range };
}

export function manifestCompletions(doc: ParsedDocument, offset: number): CompletionItem[] {
  const ctx = valueContextAt(doc, offset);
  if (!ctx) return [];
  const loc = locate(doc, ctx.keyOffset);
  if (loc?.on !== 'key' || loc.property?.key !== ctx.key) return [];
  const place = placeOf(loc.path);
  const def = place && fieldAt(place.kind, place.field);
  if (!def) return [];
  const values: (string | number | boolean)[] = def.type === 'boolean' ? [true, false] : 'enum' in def && def.enum ? [...def.enum] : [];
  return values.map((v) => ({ label: String(v), kind: 'enum' as const, insertText: formatValue(v, 'yaml', ctx.quoted), range: ctx.range, detail: place!.field, documentation: def.description }));
}
