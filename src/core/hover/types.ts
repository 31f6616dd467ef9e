// Plain results of the hover and completion logic; the VS Code adapter converts them.

import type { DocumentKind } from '../kind';
import type { Range } from '../findings';
import type { ParsedDocument } from '../parse/document';

export interface FeatureDocument {
  /** The document as parsed (once per version by the caller). */
  doc: ParsedDocument;
  kind: DocumentKind;
}

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

export type CompletionKind = 'enum' | 'state' | 'step' | 'parameter' | 'value';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** The text to insert over `range`, already quoted for the document's format when needed. */
  insertText: string;
  range: Range;
  detail?: string;
  /** Markdown. */
  documentation?: string;
}
