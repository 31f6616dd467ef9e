// Completion in EC2 Image Builder workflow documents: step names after `$.stepOutputs.`, declared
// parameters after `$.parameters.`, and the enumerated values (action, onFailure, parameter types).

import { ON_FAILURE_VALUES, PARAMETER_TYPES, STEP_ACTIONS } from '../imagebuilder/facts.generated';
import type { ParsedDocument } from '../parse/document';
import { child, stringValue } from '../parse/node';
import { locate } from './locate';
import type { CompletionItem } from './types';
import { formatValue, valueContextAt, wordRange } from './valueEdit';

const STEP_OUTPUTS_BEFORE = /\$\.stepOutputs\.([A-Za-z0-9_-]*)$/;
const PARAMETERS_BEFORE = /\$\.parameters\.([A-Za-z0-9_-]*)$/;

export function imageBuilderCompletions(doc: ParsedDocument, offset: number): CompletionItem[] {
  const lineStart = offset - doc.lines.positionAt(offset).character;
  const before = doc.text.slice(lineStart, offset);
  const steps = child(doc.root, 'steps');
  const stepOutputs = STEP_OUTPUTS_BEFORE.exec(before);
  if (stepOutputs) {
    // Only earlier steps have outputs; the document's `outputs` may use any step.
    const loc = locate(doc, offset);
    const current = loc?.path[0] === 'steps' && typeof loc.path[1] === 'number' ? loc.path[1] : Infinity;
    const range = wordRange(doc, offset, stepOutputs[1].length);
    const items: CompletionItem[] = [];
    (steps?.kind === 'array' ? steps.items : []).forEach((step, index) => {
      const name = stringValue(child(step, 'name'));
      if (!name || index >= current) return;
      const action = stringValue(child(step, 'action'));
      items.push({ label: name, kind: 'step', insertText: name, range, detail: action ? `step ${index + 1}: ${action}` : `step ${index + 1}` });
    });
    return items;
  }
  const parameters = PARAMETERS_BEFORE.exec(before);
  if (parameters) {
    const declared = child(doc.root, 'parameters');
    const range = wordRange(doc, offset, parameters[1].length);
    return (declared?.kind === 'array' ? declared.items : []).flatMap((p) => {
      const name = stringValue(child(p, 'name'));
      const type = stringValue(child(p, 'type'));
      return name ? [{ label: name, kind: 'parameter' as const, insertText: name, range, detail: type ? `parameter (${type})` : 'parameter' }] : [];
    });
  }
  const ctx = valueContextAt(doc, offset);
  if (!ctx) return [];
  const loc = locate(doc, ctx.keyOffset);
  const path = loc?.on === 'key' ? loc.path : undefined;
  let values: readonly string[] = [];
  if (path?.length === 3 && path[0] === 'steps' && path[2] === 'action') values = STEP_ACTIONS;
  else if (path?.length === 3 && path[0] === 'steps' && path[2] === 'onFailure') values = ON_FAILURE_VALUES;
  else if (path?.length === 3 && path[0] === 'parameters' && path[2] === 'type') values = PARAMETER_TYPES;
  return values.map((v) => ({ label: v, kind: 'enum' as const, insertText: formatValue(v, doc.format, ctx.quoted), range: ctx.range, detail: String(path![2]) }));
}
