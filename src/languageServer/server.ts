// The language server (`aws-workflows lsp --stdio`): the extension's checks, quick fixes, hovers and
// completion for any editor that speaks LSP (Neovim, Helix, JetBrains…). Pure over src/core, no
// `vscode` import: vscode-languageserver carries the protocol, src/core answers.
// Files the rules ask about are read from disk only inside the client's workspace folders.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, CompletionItemKind, DiagnosticSeverity, MarkupKind, TextDocumentSyncKind, TextDocuments,
  type CodeAction, type Connection, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../core/findings';
import { completionsAt, hoverAt, type CompletionKind, type FeatureDocument } from '../core/hover';
import { detectKind, type DocumentKind } from '../core/kind';
import { lintText, type LintContext } from '../core/lint';
import { parseManifest } from '../core/manifest';
import { MANIFEST_FILE_NAME, type Manifest } from '../core/manifest/model';
import { formatOf, parseDocument } from '../core/parse/document';

/** As the extension's `awsWorkflows.diagnostics.debounceMs` default. */
export const DEFAULT_DEBOUNCE_MS = 150;
/** Files the rules read (a definition a manifest names) above this size count as present, unread. */
const MAX_READ_BYTES = 5 * 1024 * 1024;

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  enum: CompletionItemKind.EnumMember,
  state: CompletionItemKind.Reference,
  step: CompletionItemKind.Reference,
  parameter: CompletionItemKind.Variable,
  value: CompletionItemKind.Value,
};

export interface LanguageServerOptions {
  debounceMs?: number;
  /** The region rules compare against when a file names none (the CLI resolves it as `lint` does: cliRegion). */
  defaultRegion?: string;
}

interface Linted {
  version: number;
  kind: DocumentKind;
  findings: Finding[];
}

export function startLanguageServer(connection: Connection, options: LanguageServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  let roots: string[] = [];
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ' ', '.', "'"] },
      },
      serverInfo: { name: 'aws-workflows' },
    };
  });

  /** A path is readable when it lies inside a workspace folder (or, with none, beside the document). */
  const inside = (path: string, fallbackRoot: string): boolean =>
    (roots.length ? roots : [fallbackRoot]).some((root) => {
      const rel = relative(root, path);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });

  function lintDocument(document: TextDocument): void {
    const file = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : undefined;
    const text = document.getText();
    const manifestPath = file ? findManifest(dirname(file), roots) : undefined;
    const base = manifestPath ? dirname(manifestPath) : file ? dirname(file) : undefined;
    let manifest: Manifest | undefined;
    if (manifestPath) {
      const manifestText = manifestPath === file ? text : readSmall(manifestPath);
      manifest = manifestText === undefined ? undefined : parseManifest(manifestText).manifest;
    }
    const context: LintContext = {
      fileExists: (rel) => {
        if (!base) return true;
        const path = resolve(base, rel);
        return inside(path, base) ? existsSync(path) : true;
      },
      readFile: (rel) => {
        if (!base) return undefined;
        const path = resolve(base, rel);
        const open = documents.get(pathToUri(path));
        if (open) return open.getText();
        return inside(path, base) ? readSmall(path) : undefined;
      },
      defaultRegion: options.defaultRegion,
      manifest,
    };
    const fileName = file && base ? relative(base, file).replace(/\\/g, '/') : document.uri;
    const { kind, findings } = lintText({ fileName, text, context });
    linted.set(document.uri, { version: document.version, kind, findings });
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: kind === 'unknown' ? [] : findings.map(toDiagnostic) });
  }

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(timers.get(document.uri));
    timers.set(document.uri, setTimeout(() => {
      timers.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current) return;
      try {
        lintDocument(current);
      } catch (err) {
        connection.console.error(`Checking ${current.uri} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }, delay));
  }

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, debounceMs));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    linted.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params): CodeAction[] => {
    const current = linted.get(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!current || !document || current.version !== document.version) return [];
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      const finding = current.findings.find((f) => f.code === diagnostic.code && sameRange(f.range, diagnostic.range));
      for (const fix of finding?.fixes ?? []) {
        const changes: Record<string, { range: Finding['range']; newText: string }[]> = {};
        for (const edit of fix.edits) {
          const uri = edit.file && document.uri.startsWith('file:') ? pathToUri(resolve(dirname(fileURLToPath(document.uri)), edit.file)) : document.uri;
          (changes[uri] ??= []).push({ range: edit.range, newText: edit.newText });
        }
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: { changes } });
      }
    }
    return actions;
  });

  const featureInput = (uri: string): FeatureDocument | undefined => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const current = linted.get(uri);
    const text = document.getText();
    const kind = current?.version === document.version ? current.kind : detectKind(uri, text);
    if (kind === 'unknown' || kind === 'airflowWorkflow') return undefined;
    const format = document.languageId === 'json' || document.languageId === 'jsonc' || document.languageId === 'asl' ? 'json' : document.languageId === 'yaml' || document.languageId === 'asl-yaml' ? 'yaml' : formatOf(uri);
    return { doc: parseDocument(text, format), kind };
  };

  connection.onHover((params) => {
    const input = featureInput(params.textDocument.uri);
    const hover = input && hoverAt(input, params.position);
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
  });

  connection.onCompletion((params) => {
    const input = featureInput(params.textDocument.uri);
    if (!input) return [];
    return completionsAt(input, params.position).map((item, index) => ({
      label: item.label,
      kind: COMPLETION_KINDS[item.kind],
      detail: item.detail,
      documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
      textEdit: { range: item.range, newText: item.insertText },
      filterText: item.insertText.startsWith('"') ? item.insertText : item.label,
      sortText: String(index).padStart(4, '0'),
    }));
  });

  documents.listen(connection);
  connection.listen();
}

function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITIES[f.severity],
    code: f.code,
    source: 'aws-workflows',
    message: f.message,
  };
}

function sameRange(a: Finding['range'], b: Finding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function pathToUri(path: string): string {
  return new URL(`file://${path.startsWith('/') ? '' : '/'}${path.replace(/\\/g, '/')}`).href;
}

/** The nearest aws-workflows.yaml upwards, not above the workspace folder that holds `folder`. */
function findManifest(folder: string, roots: readonly string[]): string | undefined {
  const root = roots.filter((r) => !relative(r, folder).startsWith('..')).sort((a, b) => b.length - a.length)[0];
  for (let dir = folder; ; dir = dirname(dir)) {
    const candidate = resolve(dir, MANIFEST_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (dir === root || dirname(dir) === dir || !root) return undefined;
  }
}

function readSmall(path: string): string | undefined {
  try {
    return statSync(path).size > MAX_READ_BYTES ? undefined : readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
