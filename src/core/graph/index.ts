// The graph's public API: document text (+ the findings shown for it) → GraphModel, then
// layoutGraph() → positions, then renderSvg()/toDot()/layoutJson(). Used by the editor's graph
// view, `aws-workflows graph`, and the execution view.

import type { Finding, Range } from '../findings';
import { detectKind, type ManifestForKind } from '../kind';
import { formatOf, parseDocument, type ParsedDocument } from '../parse/document';
import { withJsonPlaceholders } from '../asl/placeholders';
import { buildAslGraph } from './asl';
import { buildDagGraph } from './dag';
import { buildImageBuilderGraph } from './imagebuilder';
import { buildTemplateGraph, type TemplateFileReader } from './template';
import { declaresStateMachine } from '../cfn/detect';
import { parseTemplate } from '../cfn/parse';
import type { GraphDocumentKind, GraphFinding, GraphModel, GraphNode } from './model';
import { worseSeverity } from './model';

export * from './model';
export type { TemplateFileReader } from './template';
export { START_ID, END_ID, conditionText, resourceLabel } from './asl';

export interface GraphInput {
  fileName: string;
  text: string;
  /** When the caller knows it (the editor's language, the manifest); else detected like the linter does. */
  kind?: GraphDocumentKind;
  manifest?: ManifestForKind;
  /** The findings to mark on the nodes: the editor's diagnostics, or lintText()'s for the CLI. */
  findings?: readonly (GraphFinding & { range: Range })[];
  /** Reads a template's DefinitionUri files (bounded, inside the workspace); without it they are not drawn. */
  readFile?: TemplateFileReader;
}

export type GraphResult =
  | { ok: true; model: GraphModel }
  /** Not a definition this view draws, or a document that does not parse: the message says which. */
  | { ok: false; reason: 'not-a-workflow' | 'parse-error'; message: string; range?: Range };

export function graphKindOf(fileName: string, text: string, manifest?: ManifestForKind): GraphDocumentKind | undefined {
  const kind = detectKind(fileName, text, manifest);
  if (kind === 'cloudFormationTemplate') return declaresStateMachine(text) ? kind : undefined;
  return kind === 'stateMachine' || kind === 'airflowWorkflow' || kind === 'imageBuilderWorkflow' ? kind : undefined;
}

export function buildGraph(input: GraphInput): GraphResult {
  const kind = input.kind ?? graphKindOf(input.fileName, input.text, input.manifest);
  if (!kind) {
    return { ok: false, reason: 'not-a-workflow', message: `${baseName(input.fileName)} is not a Step Functions state machine, an MWAA Serverless DAG, an Image Builder workflow document or a template with a state machine.` };
  }
  let doc = kind === 'cloudFormationTemplate' ? parseTemplate(input.text, formatOf(input.fileName)) : parseDocument(input.text, formatOf(input.fileName));
  // A Step Functions definition may hold unquoted ${placeholders} for DefinitionSubstitutions.
  if (kind === 'stateMachine') doc = withJsonPlaceholders(doc).doc;
  const syntax = doc.problems.find((p) => p.code === 'parse/syntax' || p.code === 'parse/empty');
  if (syntax || !doc.root) {
    const range = syntax ? doc.lines.range(syntax.start, syntax.end) : undefined;
    const where = range ? ` (line ${range.start.line + 1})` : '';
    return { ok: false, reason: 'parse-error', message: `${syntax?.message ?? 'The document is empty.'}${where}`, range };
  }
  const model = kind === 'stateMachine' ? buildAslGraph(doc)
    : kind === 'cloudFormationTemplate' ? buildTemplateGraph(doc, input.readFile)
    : kind === 'airflowWorkflow' ? buildDagGraph(doc) : buildImageBuilderGraph(doc);
  if (input.findings) attachFindings(model, doc, input.findings);
  return { ok: true, model };
}

/** Each finding goes to the innermost node whose source holds its start; unreachable states are flagged. */
export function attachFindings(model: GraphModel, doc: ParsedDocument, findings: readonly (GraphFinding & { range: Range })[]): void {
  const locate = nodeLocator(model);
  for (const f of findings) {
    const node = locate(doc.lines.offsetAt(f.range.start));
    if (!node) {
      model.findings.push({ code: f.code, severity: f.severity, message: f.message });
      continue;
    }
    if (f.code === 'asl/unreachable-state') node.unreachable = true;
    node.findings.push({ code: f.code, severity: f.severity, message: f.message });
    node.severity = worseSeverity(node.severity, f.severity);
  }
}

/** Finds the innermost node written at an offset (a cursor, a finding): binary search, then up its containers. */
export function nodeLocator(model: GraphModel): (offset: number) => GraphNode | undefined {
  const located = model.nodes.filter((n) => n.source).sort((a, b) => a.source!.start - b.source!.start || b.source!.end - a.source!.end);
  const starts = located.map((n) => n.source!.start);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // The last node starting at or before the offset, or one of its containers, holds it (nodes nest).
    for (let node: GraphNode | undefined = at >= 0 ? located[at] : undefined; node; node = node.parent ? byId.get(node.parent) : undefined) {
      if (node.source && node.source.start <= offset && offset < Math.max(node.source.end, node.source.start + 1)) return node;
    }
    return undefined;
  };
}

/** Findings from the linter, in the shape buildGraph takes. */
export function graphFindings(findings: readonly Finding[]): (GraphFinding & { range: Range })[] {
  return findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: f.range }));
}

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1];
}
