// Hover text and completion items for workflow documents, as pure functions of a parsed document
// and a position; src/diagnostics turns them into VS Code providers.

import type { Position } from '../findings';
import { aslCompletions, aslHover } from './asl';
import { imageBuilderCompletions } from './imagebuilder';
import { manifestCompletions, manifestHover } from './manifest';
import { templateHover } from './template';
import type { CompletionItem, FeatureDocument, HoverResult } from './types';

export type { CompletionItem, CompletionKind, FeatureDocument, HoverResult } from './types';

export function hoverAt(input: FeatureDocument, position: Position): HoverResult | undefined {
  const offset = input.doc.lines.offsetAt(position);
  try {
    if (input.kind === 'manifest') return manifestHover(input.doc, offset);
    if (input.kind === 'stateMachine') return aslHover(input.doc, offset);
    if (input.kind === 'cloudFormationTemplate') return templateHover(input.doc, offset);
  } catch {
    // A hover is never worth an error: partial trees from half-typed text may surprise the walk.
  }
  return undefined;
}

export function completionsAt(input: FeatureDocument, position: Position): CompletionItem[] {
  const offset = input.doc.lines.offsetAt(position);
  try {
    if (input.kind === 'manifest') return manifestCompletions(input.doc, offset);
    if (input.kind === 'stateMachine') return aslCompletions(input.doc, offset);
    if (input.kind === 'imageBuilderWorkflow') return imageBuilderCompletions(input.doc, offset);
  } catch {
    // As above: no completion rather than an error while typing.
  }
  return [];
}
