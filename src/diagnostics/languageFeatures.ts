// Hover and completion adapters over src/core/hover: parse once per document version, convert results.
// The engine loads on the first hover or completion (or lint); after that answers are synchronous.

import * as vscode from 'vscode';
import type { CompletionKind, FeatureDocument } from '../core/hover';
import { detectKind, type DocumentKind } from '../core/kind';
import type { ParsedDocument } from '../core/parse/document';
import { toRange } from './convert';
import type * as Heavy from './heavy';
import { heavy } from './lazy';

/** Our files: the manifest, ASL by language or name, and JSON/YAML files that turn out to be workflows. */
export const WORKFLOW_DOCUMENT_SELECTOR: vscode.DocumentSelector = [
  { language: 'asl' },
  { language: 'asl-yaml' },
  { pattern: '**/aws-workflows.yaml' },
  { language: 'json' },
  { language: 'yaml' },
];

const COMPLETION_KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  enum: vscode.CompletionItemKind.EnumMember,
  state: vscode.CompletionItemKind.Reference,
  step: vscode.CompletionItemKind.Reference,
  parameter: vscode.CompletionItemKind.Variable,
  value: vscode.CompletionItemKind.Value,
};

export class WorkflowLanguageFeatures implements vscode.HoverProvider, vscode.CompletionItemProvider {
  private cache: { uri: string; version: number; input: FeatureDocument | undefined } | undefined;

  /** `kindOf` returns the kind the last lint found (it knows the manifest), when that lint is current. */
  constructor(private readonly kindOf: (document: vscode.TextDocument) => DocumentKind | undefined) {}

  private input(engine: typeof Heavy, document: vscode.TextDocument): FeatureDocument | undefined {
    const { formatOf, parseDocument, parseTemplate } = engine;
    const uri = document.uri.toString();
    if (this.cache?.uri === uri && this.cache.version === document.version) return this.cache.input;
    const text = document.getText();
    const kind = this.kindOf(document) ?? (document.languageId === 'asl' || document.languageId === 'asl-yaml' ? 'stateMachine' : detectKind(document.uri.path, text));
    let input: FeatureDocument | undefined;
    if (kind !== 'unknown' && kind !== 'airflowWorkflow') {
      const format = document.languageId === 'asl' || document.languageId === 'json' || document.languageId === 'jsonc' ? 'json' : document.languageId === 'asl-yaml' || document.languageId === 'yaml' ? 'yaml' : formatOf(document.uri.path);
      // Templates need CloudFormation's short-form tags (`!Ref`) to parse as CloudFormation reads them.
      const doc: ParsedDocument = kind === 'cloudFormationTemplate' ? parseTemplate(text, format) : parseDocument(text, format);
      input = { doc, kind };
    }
    this.cache = { uri, version: document.version, input };
    return input;
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.ProviderResult<vscode.Hover> {
    return heavy.with((engine) => this.hover(engine, document, position));
  }

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.ProviderResult<vscode.CompletionItem[]> {
    return heavy.with((engine) => this.completions(engine, document, position));
  }

  private hover(engine: typeof Heavy, document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const input = this.input(engine, document);
    const hover = input && engine.hoverAt(input, { line: position.line, character: position.character });
    if (!hover) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(hover.contents), toRange(hover.range));
  }

  private completions(engine: typeof Heavy, document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const input = this.input(engine, document);
    if (!input) return undefined;
    const items = engine.completionsAt(input, { line: position.line, character: position.character });
    return items.map((item, index) => {
      const out = new vscode.CompletionItem(item.label, COMPLETION_KINDS[item.kind]);
      out.insertText = item.insertText;
      out.range = toRange(item.range);
      // Filter on the label even when the inserted text adds quotes.
      out.filterText = item.insertText.startsWith('"') ? item.insertText : item.label;
      out.sortText = String(index).padStart(4, '0');
      if (item.detail) out.detail = item.detail;
      if (item.documentation) out.documentation = new vscode.MarkdownString(item.documentation);
      return out;
    });
  }
}
