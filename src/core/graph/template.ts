// CloudFormation/SAM templates → graph: one container per state machine resource, holding its
// definition's graph from the ASL builder (./asl). Inline definitions and DefinitionStrings keep
// their places in the template's text (so a node reveals where it is written); a DefinitionUri file
// is drawn from the file, through the caller's reader (bounded and contained), without places in
// the template. `${X}` substitutions stay as written.

import { assembleDefinitionString, inlineDefinitionTree, stateMachineDefinitions, type StateMachineDefinition } from '../cfn/definitions';
import { intrinsicOf } from '../cfn/parse';
import { isRemote, normalizeLocalPath } from '../cfn/paths';
import { readTemplate } from '../cfn/template';
import { withJsonPlaceholders } from '../asl/placeholders';
import { formatOf, parseDocument, type ParsedDocument, type SourceFormat } from '../parse/document';
import { buildAslGraph } from './asl';
import type { GraphModel, GraphNode, GraphSource } from './model';
import { shorten } from './model';

/** Reads a file a template names, relative to the template's folder; the caller keeps it bounded and inside the workspace. */
export type TemplateFileReader = (relPath: string) => { ok: true; text: string } | { ok: false; reason: string };

export function buildTemplateGraph(doc: ParsedDocument, readFile?: TemplateFileReader): GraphModel {
  const out: GraphModel = { kind: 'cloudFormationTemplate', nodes: [], edges: [], findings: [] };
  const used = new Set<string>();
  for (const def of stateMachineDefinitions(readTemplate(doc))) {
    const { resource } = def;
    let id = resource.logicalId;
    for (let n = 2; used.has(id); n++) id = `${resource.logicalId}~${n}`;
    used.add(id);
    const container: GraphNode = {
      id,
      kind: 'stateMachine',
      label: resource.logicalId,
      detail: resource.type,
      badges: [],
      findings: [],
      source: sourceIn(doc, resource.idProp.keyStart, resource.idProp.value.end, resource.idProp.keyStart, resource.idProp.keyEnd),
    };
    out.nodes.push(container);
    const drawn = definitionGraph(doc, def, readFile);
    if ('note' in drawn) {
      out.nodes.push({ id: `${id}/::note`, kind: 'note', label: 'Not drawn', detail: shorten(drawn.reason, 44), description: drawn.note, parent: id, badges: [], findings: [] });
      continue;
    }
    const prefix = (nodeId: string) => `${id}/${nodeId}`;
    for (const node of drawn.model.nodes) {
      const copy: GraphNode = { ...node, id: prefix(node.id), parent: node.parent === undefined ? id : prefix(node.parent) };
      const source = drawn.place(node);
      if (source) copy.source = source;
      else delete copy.source;
      out.nodes.push(copy);
    }
    for (const edge of drawn.model.edges) out.edges.push({ ...edge, id: `${id}/${edge.id}`, from: prefix(edge.from), to: prefix(edge.to) });
  }
  return out;
}

type Drawn = { model: GraphModel; place(node: GraphNode): GraphSource | undefined } | { note: string; reason: string };

const notDrawn = (note: string, reason: string): Drawn => ({ note, reason });

function definitionGraph(doc: ParsedDocument, def: StateMachineDefinition, readFile: TemplateFileReader | undefined): Drawn {
  const first = def.sources[0];
  if (!first) return notDrawn('It has no definition to draw.', 'no definition');
  const { source, prop } = first;
  if (source === 'Definition') {
    if (prop.value.kind !== 'object' || intrinsicOf(prop.value)) return notDrawn('Its Definition is computed at deploy time, so it is not drawn.', 'Definition computed at deploy time');
    const tree: ParsedDocument = { text: doc.text, format: doc.format, root: inlineDefinitionTree(prop.value), problems: [], lines: doc.lines };
    return { model: buildAslGraph(tree), place: (n) => n.source };
  }
  if (source === 'DefinitionString') {
    const mapped = assembleDefinitionString(doc.text, prop.value);
    if (!mapped) return notDrawn('Its DefinitionString is computed at deploy time, so it is not drawn.', 'DefinitionString computed at deploy time');
    const text = parseAsl(mapped.text, 'json');
    if (!text.root) return notDrawn('Its DefinitionString does not parse as JSON, so it is not drawn.', 'DefinitionString does not parse');
    return {
      model: buildAslGraph(text),
      place: (n) => {
        if (!n.source) return undefined;
        const [start, end] = mapped.source(n.source.start, n.source.end);
        // The name without its quotes: in the template they are escaped (`\"Name\"`), and reveal selects the name.
        const quoted = text.text[n.source.nameStart] === '"' && n.source.nameEnd - n.source.nameStart >= 2;
        const [nameStart, nameEnd] = quoted ? mapped.source(n.source.nameStart + 1, n.source.nameEnd - 1) : mapped.source(n.source.nameStart, n.source.nameEnd);
        return sourceIn(doc, start, end, nameStart, nameEnd);
      },
    };
  }
  if (source === 'DefinitionUri' && prop.value.kind === 'string') {
    const raw = prop.value.value.trim();
    if (isRemote(raw) || raw === '') return notDrawn(`Its DefinitionUri '${raw}' is not a local file, so it is not drawn.`, 'DefinitionUri: not a local file');
    const rel = normalizeLocalPath(raw);
    if (!readFile) return notDrawn(`Its DefinitionUri '${raw}' is not read here, so it is not drawn.`, 'DefinitionUri: not read here');
    const read = readFile(rel);
    if (!read.ok) return notDrawn(`Its DefinitionUri '${raw}' cannot be read (${read.reason}), so it is not drawn.`, `DefinitionUri: ${read.reason}`);
    const file = parseAsl(read.text, formatOf(rel));
    if (!file.root) return notDrawn(`Its DefinitionUri '${raw}' does not parse, so it is not drawn.`, 'DefinitionUri: does not parse');
    // Places in another file would reveal the wrong characters of the template.
    return { model: buildAslGraph(file), place: () => undefined };
  }
  return notDrawn(`Its ${source} is stored elsewhere (not a local file), so it is not drawn.`, `${source}: stored elsewhere`);
}

/** ASL text that may hold unquoted `${placeholders}`, as the state machine graph reads it. */
function parseAsl(text: string, format: SourceFormat): ParsedDocument {
  const doc = withJsonPlaceholders(parseDocument(text, format)).doc;
  return doc.problems.some((p) => p.code === 'parse/syntax' || p.code === 'parse/empty') ? { ...doc, root: undefined } : doc;
}

function sourceIn(doc: ParsedDocument, start: number, end: number, nameStart: number, nameEnd: number): GraphSource {
  return { start, end, nameStart, nameEnd, range: doc.lines.range(start, end), nameRange: doc.lines.range(nameStart, nameEnd) };
}
