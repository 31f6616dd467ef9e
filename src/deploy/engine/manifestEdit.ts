// Writing a new entry into aws-workflows.yaml without disturbing what is there: the yaml
// Document API finds the section and renders the entry; the entry text is inserted into the
// original text, so every comment, blank line and quoting choice stays exactly as written.

import { isMap, isScalar, parseDocument, stringify, type Pair } from 'yaml';
import { SECTION_OF_KIND, type ManifestEntryKind } from '../../core/manifest/model';
import { DeployFailure } from './types';

export interface NewManifestEntry {
  kind: ManifestEntryKind;
  name: string;
  /** Fields in the order they should appear (definition first). Undefined values are left out. */
  spec: Record<string, unknown>;
}

function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== '') out[k] = clean(v);
    return out;
  }
  return value;
}

function render(value: unknown, indent: number): string {
  const text = stringify(clean(value), { indent: 2, lineWidth: 0 });
  const pad = ' '.repeat(indent);
  return text.split('\n').map((l) => (l ? pad + l : l)).join('\n').replace(/\n*$/, '\n');
}

/** The text of aws-workflows.yaml with the entry added to its section (created at the end when missing). */
export function addManifestEntry(text: string | undefined, entry: NewManifestEntry): string {
  const section = SECTION_OF_KIND[entry.kind];
  const original = text ?? '';
  const withNewline = original.length === 0 || original.endsWith('\n') ? original : `${original}\n`;
  const doc = parseDocument(original);
  if (doc.errors.length) {
    throw new DeployFailure(`aws-workflows.yaml has a syntax error (${doc.errors[0].message.split('\n')[0]}); fix it before saving a new entry.`);
  }
  const root = doc.contents;
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) {
    return withNewline + render({ [section]: { [entry.name]: entry.spec } }, 0);
  }
  if (!isMap(root)) throw new DeployFailure('aws-workflows.yaml is not a mapping of sections, so the entry cannot be added.');
  const sectionPair = root.items.find((p) => isScalar(p.key) && p.key.value === section) as Pair<unknown, unknown> | undefined;
  if (!sectionPair) {
    const separator = withNewline.length === 0 || withNewline.endsWith('\n\n') ? '' : '\n';
    return withNewline + separator + render({ [section]: { [entry.name]: entry.spec } }, 0);
  }
  const value = sectionPair.value;
  if (isMap(value)) {
    if (value.items.some((p) => isScalar(p.key) && String(p.key.value) === entry.name)) {
      throw new DeployFailure(`aws-workflows.yaml already has an entry named ${entry.name} in ${section}; choose another name or edit that entry.`);
    }
    if (!value.flow && value.items.length > 0 && value.range) {
      const firstKey = value.items[0].key as { range?: [number, number, number] } | null;
      const keyStart = firstKey?.range?.[0] ?? value.range[0];
      const indent = keyStart - (original.lastIndexOf('\n', keyStart - 1) + 1);
      // After the line where the section's last value ends.
      const lineEnd = original.indexOf('\n', Math.max(value.range[1] - 1, 0));
      const at = lineEnd < 0 ? original.length : lineEnd + 1;
      const head = lineEnd < 0 ? `${original}\n` : original.slice(0, at);
      return head + render({ [entry.name]: entry.spec }, indent) + original.slice(at);
    }
  }
  // Flow mappings (`stateMachines: {}`) and empty sections: let the Document API place it.
  doc.setIn([section, entry.name], doc.createNode(clean(entry.spec)));
  const sectionNode = doc.get(section, true);
  if (isMap(sectionNode)) sectionNode.flow = false;
  return doc.toString({ lineWidth: 0 });
}
