// Which templates name which definition files (SAM DefinitionUri), for the whole workspace: read
// once, on the first definition that asks, then kept current from file events and open editors.
// A definition's lint asks `templatesFor` and never walks the workspace itself.

import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { Logger } from '../core/log';
import type { TemplateSource } from '../core/cfn';
import { looksLikeTemplate } from '../core/cfn/detect';

/** How many candidate files the first scan reads at most, and how large each may be. */
const MAX_SCANNED_FILES = 5000;
const MAX_TEMPLATE_BYTES = 1024 * 1024;
const CANDIDATES = '**/*.{yaml,yml,json,template}';
const EXCLUDED = '**/{node_modules,.git,.aws-sam,cdk.out,.terraform}/**';

/** The part of the core the index needs, loaded with the rest of the engine. */
export interface TemplateLinks {
  definitionUris(template: TemplateSource): string[];
}

interface Entry {
  /** Lower-cased definition URIs this template names (letter case is the template's own finding). */
  targets: string[];
  /** The text last read (kept current by file events): a definition's lint never reads the disk. */
  text: string;
}

export class TemplateIndex extends Disposable {
  private readonly templates = new Map<string, Entry>();
  private scanned: Promise<void> | undefined;

  constructor(private readonly links: () => Promise<TemplateLinks>, private readonly logger: Logger) {
    super();
    // A template closed with unsaved edits: what counts again is the file on disk.
    this._register(vscode.workspace.onDidCloseTextDocument((d) => {
      if (this.templates.has(d.uri.toString())) void this.refresh(d.uri);
    }));
  }

  /** The file-name convention of lint jobs: the file system path for file URIs. */
  static fileName(uri: vscode.Uri): string {
    return uri.scheme === 'file' ? uri.fsPath : uri.path;
  }

  private scan(): Promise<void> {
    this.scanned ??= (async () => {
      try {
        const found = await vscode.workspace.findFiles(CANDIDATES, EXCLUDED, MAX_SCANNED_FILES);
        if (found.length >= MAX_SCANNED_FILES) this.logger.warn(`Looked for CloudFormation and SAM templates in the first ${MAX_SCANNED_FILES} YAML/JSON files only; definitions named by templates beyond them are checked without their template.`);
        for (let i = 0; i < found.length; i += 50) await Promise.all(found.slice(i, i + 50).map((uri) => this.refresh(uri)));
      } catch (err) {
        this.logger.warn(`Could not look for CloudFormation and SAM templates: ${err instanceof Error ? err.message : String(err)}`);
      }
    })();
    return this.scanned;
  }

  /** Re-reads one file (created, changed or deleted); returns the definitions whose context changed. */
  async refresh(uri: vscode.Uri): Promise<string[]> {
    if (!/\.(ya?ml|json|template)$/i.test(uri.path)) return [];
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string | undefined = open?.getText();
    if (text === undefined) {
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size <= MAX_TEMPLATE_BYTES) text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        text = undefined;
      }
    }
    return this.update(uri, text);
  }

  /** Records a template's current text (undefined: gone or not a template); returns the definitions affected. */
  async update(uri: vscode.Uri, text: string | undefined): Promise<string[]> {
    const key = uri.toString();
    const before = this.templates.get(key)?.targets ?? [];
    if (text === undefined || !looksLikeTemplate(text)) {
      this.templates.delete(key);
      return before;
    }
    const links = await this.links();
    const targets = links.definitionUris({ fileName: uri.path, text }).map((path) => uri.with({ path }).toString().toLowerCase());
    this.templates.set(key, { targets, text });
    return [...new Set([...before, ...targets])];
  }

  /** Whether the index knows this file as a template. */
  isTemplate(uri: vscode.Uri): boolean {
    return this.templates.has(uri.toString());
  }

  /** The templates that name this definition, with their current text. */
  async templatesFor(definition: vscode.Uri): Promise<TemplateSource[]> {
    await this.scan();
    const key = definition.toString().toLowerCase();
    const out: TemplateSource[] = [];
    for (const [templateKey, entry] of this.templates) {
      if (!entry.targets.includes(key)) continue;
      const uri = vscode.Uri.parse(templateKey);
      // An open editor's text may be newer than the indexed one (unsaved edits).
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === templateKey);
      out.push({ fileName: TemplateIndex.fileName(uri), text: open?.getText() ?? entry.text });
    }
    return out;
  }

  /** Open documents whose context a change to `uri` touches: its linked definitions, or the templates naming it. */
  related(uri: vscode.Uri): vscode.TextDocument[] {
    const key = uri.toString();
    const entry = this.templates.get(key);
    const lower = key.toLowerCase();
    return vscode.workspace.textDocuments.filter((d) => {
      const other = d.uri.toString();
      if (other === key) return false;
      if (entry?.targets.includes(other.toLowerCase())) return true;
      return this.templates.get(other)?.targets.includes(lower) ?? false;
    });
  }
}
