// Reads aws-workflows.yaml into the Manifest model, keeping the ranges of every key and value.
// Shape problems (unknown keys, wrong types, duplicate names) are reported here; the service
// rules (names, versions, ARNs, KMS…) are in check.ts. Never throws.

import type { Finding, Range } from '../findings';
import { parseDocument, parseFindings, type LineIndex, type ParsedDocument } from '../parse/document';
import type { ArrayNode, ObjectNode, PropertyNode, ValueNode } from '../parse/node';
import { suggest } from '../suggest';
import { AIRFLOW_ENVIRONMENTS_DESCRIPTION, DEFAULTS_FIELDS, ENTRY_FIELDS, REQUIRED_FIELDS, SECTIONS, TOP_LEVEL_KEYS, type FieldDef, type SectionInfo } from './fields';
import type { AirflowEnvironmentRef, AnyManifestEntry, FieldRanges, Manifest, ParsedManifest } from './model';
import { withArticle } from '../rules/problem';

/**
 * Field ranges whose line/character positions are computed on first use: a manifest has
 * thousands of fields and a check reads the positions of the few with findings.
 */
class SourceFieldRanges implements FieldRanges {
  readonly #lines: LineIndex;
  #keyRange?: Range;
  #valueRange?: Range;

  constructor(lines: LineIndex, readonly keyStart: number, readonly keyEnd: number, readonly valueStart: number, readonly valueEnd: number) {
    this.#lines = lines;
  }

  get keyRange(): Range {
    return (this.#keyRange ??= this.#lines.range(this.keyStart, this.keyEnd));
  }

  get valueRange(): Range {
    return (this.#valueRange ??= this.#lines.range(this.valueStart, this.valueEnd));
  }

  toJSON(): FieldRanges {
    return { keyStart: this.keyStart, keyEnd: this.keyEnd, valueStart: this.valueStart, valueEnd: this.valueEnd, keyRange: this.keyRange, valueRange: this.valueRange };
  }
}

export function emptyManifest(): Manifest {
  return { defaults: {}, stateMachines: [], activities: [], imageBuilderWorkflows: [], airflowWorkflows: [], airflowEnvironments: [], defaultsFields: {} };
}

/** What people copy from the API or CloudFormation, and the manifest's name for it. */
const API_NAMES: Record<string, string> = {
  encryptionconfiguration: 'encryption',
  loggingconfiguration: 'logging',
  tracingconfiguration: 'tracing',
  networkconfiguration: 'network',
  semanticversion: 'version',
  executionrolearn: 'roleArn',
  role: 'roleArn',
  kmskey: 'kmsKeyId',
  loggroupname: 'logGroup',
  destinations: 'logGroupArn',
  definitions3location: 'definition',
  definitionuri: 'definition',
  statemachinetype: 'type',
  tracingenabled: 'tracing',
};

const TYPE_NAMES: Record<FieldDef['type'], string> = {
  string: 'a string',
  boolean: 'true or false',
  integer: 'an integer',
  tags: 'a mapping of tag keys to values',
  stringList: 'a list of strings',
  object: 'a mapping',
};

function describeNode(node: ValueNode): string {
  switch (node.kind) {
    case 'object': return 'a mapping';
    case 'array': return 'a list';
    case 'string': return `the string '${node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value}'`;
    case 'number': return `the number ${node.raw}`;
    case 'boolean': return `${node.value}`;
    case 'null': return 'nothing';
  }
}

class ManifestReader {
  readonly findings: Finding[] = [];
  readonly manifest = emptyManifest();
  /** Offsets of entry-name keys, to tell duplicate names from other duplicate keys. */
  private readonly nameKeyOffsets = new Map<number, SectionInfo>();

  constructor(private readonly doc: ParsedDocument) {}

  range(start: number, end: number): Range {
    return this.doc.lines.range(start, end);
  }

  read(): void {
    const root = this.doc.root;
    if (root && root.kind === 'object') {
      for (const prop of root.entries) this.readTopLevel(prop);
    } else if (root && root.kind !== 'null') {
      this.findings.push({
        code: 'manifest/wrong-type',
        severity: 'error',
        message: `aws-workflows.yaml must be a mapping with sections such as stateMachines, but it is ${describeNode(root)}.`,
        range: this.range(root.start, root.end),
      });
    }
    this.reportParseProblems();
  }

  private reportParseProblems(): void {
    const others = { ...this.doc, problems: this.doc.problems.filter((p) => p.code !== 'parse/duplicate-key') };
    this.findings.push(...parseFindings(others));
    for (const p of this.doc.problems) {
      if (p.code !== 'parse/duplicate-key') continue;
      const section = this.nameKeyOffsets.get(p.start);
      const key = this.doc.text.slice(p.start, p.end);
      this.findings.push({
        code: section ? 'manifest/duplicate-name' : 'manifest/duplicate-key',
        severity: 'error',
        message: section
          ? `There is already ${withArticle(section.label)} named '${key}' in ${section.section}: names are unique per kind. Only the last one would be used.`
          : `Duplicate key '${key}': only the last one would be used.`,
        range: this.range(p.start, p.end),
        related: p.otherStart !== undefined ? [{ range: this.range(p.otherStart, p.otherEnd ?? p.otherStart), message: 'First defined here.' }] : undefined,
      });
    }
  }

  private unknownKey(prop: PropertyNode, candidates: readonly string[], where: string): void {
    const alias = API_NAMES[prop.key.toLowerCase()];
    const suggestion = alias && candidates.includes(alias) ? alias : suggest(prop.key, candidates);
    const range = this.range(prop.keyStart, prop.keyEnd);
    this.findings.push({
      code: 'manifest/unknown-key',
      severity: 'error',
      message: `Unknown key '${prop.key}' in ${where}.${suggestion ? ` Did you mean '${suggestion}'?` : ` Expected one of: ${candidates.join(', ')}.`}`,
      range,
      fixes: suggestion ? [{ title: `Change to '${suggestion}'`, edits: [{ range, newText: suggestion }], preferred: true }] : undefined,
      data: suggestion ? { suggestion } : undefined,
    });
  }

  private wrongType(prop: PropertyNode, expected: string, where: string): void {
    const hint = expected === 'true or false' && prop.value.kind === 'string' ? ' (YAML reads yes/no/on/off as strings)' : expected === 'a string' && (prop.value.kind === 'number' || prop.value.kind === 'boolean') ? ' (put it in quotes)' : '';
    this.findings.push({
      code: 'manifest/wrong-type',
      severity: 'error',
      message: `'${where}' must be ${expected}, not ${describeNode(prop.value)}${hint}.`,
      range: prop.value.end > prop.value.start ? this.range(prop.value.start, prop.value.end) : this.range(prop.keyStart, prop.keyEnd),
    });
  }

  private fieldRanges(prop: PropertyNode): FieldRanges {
    const v = prop.value;
    const valueStart = v.end > v.start ? v.start : prop.keyEnd;
    const valueEnd = v.end > v.start ? v.end : prop.keyEnd;
    return new SourceFieldRanges(this.doc.lines, prop.keyStart, prop.keyEnd, valueStart, valueEnd);
  }

  private readTopLevel(prop: PropertyNode): void {
    if (prop.key === 'defaults') {
      if (prop.value.kind === 'null') return;
      if (prop.value.kind !== 'object') return this.wrongType(prop, 'a mapping', 'defaults');
      this.readFields(prop.value, DEFAULTS_FIELDS, '', this.manifest.defaultsFields, this.manifest.defaults as Record<string, unknown>, 'defaults');
      return;
    }
    if (prop.key === 'airflowEnvironments') return this.readEnvironments(prop);
    const section = SECTIONS.find((s) => s.section === prop.key);
    if (!section) return this.unknownKey(prop, TOP_LEVEL_KEYS, 'aws-workflows.yaml');
    if (prop.value.kind === 'null') return;
    if (prop.value.kind !== 'object') return this.wrongType(prop, `a mapping of ${section.label} names to settings`, section.section);
    const byName = new Map<string, AnyManifestEntry>();
    for (const entryProp of prop.value.entries) {
      this.nameKeyOffsets.set(entryProp.keyStart, section);
      const entry = this.readEntry(section, entryProp);
      if (entry) byName.set(entry.name, entry);
    }
    (this.manifest[section.section] as AnyManifestEntry[]).push(...byName.values());
  }

  private readEntry(section: SectionInfo, prop: PropertyNode): AnyManifestEntry | undefined {
    const fields: Record<string, FieldRanges> = {};
    const spec: Record<string, unknown> = {};
    const where = `${section.section}.${prop.key}`;
    if (prop.value.kind === 'object') {
      this.readFields(prop.value, ENTRY_FIELDS[section.kind], '', fields, spec, where);
    } else if (prop.value.kind !== 'null') {
      this.wrongType(prop, `a mapping of settings for the ${section.label}`, where);
      return undefined;
    }
    const entry = { kind: section.kind, name: prop.key, spec, nameRange: this.range(prop.keyStart, prop.keyEnd), node: prop.value, fields } as AnyManifestEntry;
    const missing = REQUIRED_FIELDS[section.kind].filter((f) => !(f in fields));
    if (missing.length > 0) {
      this.findings.push({
        code: 'manifest/missing-field',
        severity: 'error',
        message: `The ${section.label} '${prop.key}' needs ${missing.map((m) => `'${m}'`).join(' and ')}.`,
        range: entry.nameRange,
        data: { missing },
      });
    }
    return entry;
  }

  private readFields(node: ObjectNode, defs: Record<string, FieldDef>, prefix: string, ranges: Record<string, FieldRanges>, out: Record<string, unknown>, where: string): void {
    for (const prop of node.entries) {
      const def = defs[prop.key];
      const path = prefix + prop.key;
      if (!def) {
        this.unknownKey(prop, Object.keys(defs), where);
        continue;
      }
      ranges[path] = this.fieldRanges(prop);
      const value = this.readValue(prop, def, path, ranges, `${where}.${prop.key}`);
      if (value !== undefined) out[prop.key] = value;
    }
  }

  private readValue(prop: PropertyNode, def: FieldDef, path: string, ranges: Record<string, FieldRanges>, where: string): unknown {
    const v = prop.value;
    switch (def.type) {
      case 'string':
        if (v.kind === 'string') return v.value;
        if (v.kind === 'number' && def.numberAsText) return v.raw;
        return this.wrongType(prop, TYPE_NAMES.string, where);
      case 'boolean':
        if (v.kind === 'boolean') return v.value;
        return this.wrongType(prop, TYPE_NAMES.boolean, where);
      case 'integer':
        // Range and integrality are rules of their own (with fixes); only the type is checked here.
        if (v.kind === 'number') return v.value;
        return this.wrongType(prop, TYPE_NAMES.integer, where);
      case 'tags': {
        if (v.kind !== 'object') return this.wrongType(prop, TYPE_NAMES.tags, where);
        const tags: Record<string, string> = {};
        for (const tag of v.entries) {
          ranges[`${path}.${tag.key}`] = this.fieldRanges(tag);
          const tv = tag.value;
          // YAML reads `cost-center: 1234` as a number; the service receives the text as written.
          if (tv.kind === 'string') tags[tag.key] = tv.value;
          else if (tv.kind === 'number') tags[tag.key] = tv.raw;
          else if (tv.kind === 'boolean') tags[tag.key] = this.doc.text.slice(tv.start, tv.end) || String(tv.value);
          else if (tv.kind === 'null') tags[tag.key] = '';
          else this.wrongType(tag, 'a string', `${where}.${tag.key}`);
        }
        return tags;
      }
      case 'stringList': {
        if (v.kind !== 'array') return this.wrongType(prop, TYPE_NAMES.stringList, where);
        const items: string[] = [];
        (v as ArrayNode).items.forEach((item, i) => {
          const itemRange = new SourceFieldRanges(this.doc.lines, item.start, item.end, item.start, item.end);
          ranges[`${path}.${i}`] = itemRange;
          if (item.kind === 'string') items.push(item.value);
          else this.findings.push({ code: 'manifest/wrong-type', severity: 'error', message: `Each item of '${where}' must be a string, not ${describeNode(item)}.`, range: itemRange.valueRange });
        });
        return items;
      }
      case 'object': {
        if (v.kind !== 'object') return this.wrongType(prop, TYPE_NAMES.object, where);
        const out: Record<string, unknown> = {};
        this.readFields(v, def.fields, `${path}.`, ranges, out, where);
        const missing = (def.required ?? []).filter((r) => !(`${path}.${r}` in ranges));
        if (missing.length > 0) {
          this.findings.push({
            code: 'manifest/missing-field',
            severity: 'error',
            message: `'${where}' needs ${missing.map((m) => `'${m}'`).join(' and ')}.`,
            range: this.range(prop.keyStart, prop.keyEnd),
            data: { missing },
          });
        }
        return out;
      }
    }
  }

  private readEnvironments(prop: PropertyNode): void {
    const v = prop.value;
    if (v.kind === 'null') return;
    if (v.kind !== 'array') return this.wrongType(prop, `a list of MWAA environment names (${AIRFLOW_ENVIRONMENTS_DESCRIPTION})`, 'airflowEnvironments');
    const seen = new Map<string, Range>();
    for (const item of v.items) {
      let ref: AirflowEnvironmentRef | undefined;
      if (item.kind === 'string') {
        ref = { name: item.value, range: this.range(item.start, item.end) };
      } else if (item.kind === 'object') {
        const name = item.entries.find((e) => e.key === 'name');
        const region = item.entries.find((e) => e.key === 'region');
        for (const e of item.entries) if (e.key !== 'name' && e.key !== 'region') this.unknownKey(e, ['name', 'region'], 'airflowEnvironments');
        if (name?.value.kind === 'string') {
          ref = { name: name.value.value, range: this.range(name.value.start, name.value.end) };
          if (region?.value.kind === 'string') ref.region = region.value.value;
          else if (region) this.wrongType(region, 'a string', 'airflowEnvironments.region');
        } else {
          this.findings.push({ code: 'manifest/missing-field', severity: 'error', message: "Each airflowEnvironments mapping needs a 'name'.", range: this.range(item.start, item.end), data: { missing: ['name'] } });
        }
      } else {
        this.findings.push({ code: 'manifest/wrong-type', severity: 'error', message: `Each item of 'airflowEnvironments' must be an environment name or { name, region }, not ${describeNode(item)}.`, range: this.range(item.start, item.end) });
      }
      if (!ref) continue;
      const key = `${ref.region ?? ''}\u0000${ref.name}`;
      const earlier = seen.get(key);
      if (earlier) {
        this.findings.push({ code: 'manifest/duplicate-name', severity: 'error', message: `The MWAA environment '${ref.name}' is listed twice.`, range: ref.range, related: [{ range: earlier, message: 'First listed here.' }] });
        continue;
      }
      seen.set(key, ref.range);
      this.manifest.airflowEnvironments.push(ref);
    }
  }
}

export function parseManifest(text: string): ParsedManifest {
  const document = parseDocument(text, 'yaml');
  const reader = new ManifestReader(document);
  try {
    reader.read();
  } catch (e) {
    // A reader bug must not take the editor down; report it where the user can see it.
    reader.findings.push({ code: 'manifest/internal-error', severity: 'warning', message: `aws-workflows.yaml could not be fully checked: ${e instanceof Error ? e.message : String(e)}.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  }
  return { document, manifest: reader.manifest, findings: reader.findings };
}

