// One entry point for every kind of document: detect the kind, parse once, run its rules.
// Used by the editor's diagnostics and by `aws-workflows lint`. Never throws.

import type { Finding } from './findings';
import { compareFindings } from './findings';
import type { DocumentKind, ManifestForKind } from './kind';
import { detectKind } from './kind';
import { formatOf, parseDocumentForChecks, parseFindings, stripBom } from './parse/document';
import type { FileProblem, Manifest } from './manifest/model';
import { checkManifest, parseManifest } from './manifest';
import { validateImageBuilderDocument } from './imagebuilder/validate';
import { validateDag } from './dag/validate';
import { validateAsl } from './asl/validate';
import type { RuleDoc } from './rules/ruleDoc';
import { findLinkedDefinition, lintLinkedDefinition, lintTemplate, type SiblingFiles, type TemplateSource } from './cfn';
import { stateAnchors, type StateAnchor } from './testState/anchors';

export type { DocumentKind } from './kind';

export interface LintContext {
  /** Whether a path relative to the manifest's folder exists. */
  fileExists(relPath: string): boolean;
  readFile?(relPath: string): string | undefined;
  fileProblem?(relPath: string): FileProblem | undefined;
  defaultRegion?: string;
  /** The workspace manifest, when there is one: its entries decide kinds and state machine types. */
  manifest?: Manifest;
  /** Files beside the linted file (a template's DefinitionUri), relative to its folder. */
  siblingFiles?: SiblingFiles;
  /** Templates that may name this file as a DefinitionUri: the first that does is its context. */
  templates?: readonly TemplateSource[];
}

export interface LintInput {
  fileName: string;
  text: string;
  kind?: DocumentKind;
  context?: LintContext;
}

export interface LintResult {
  kind: DocumentKind;
  findings: Finding[];
  /** A state machine's states, nested ones included, and where they are (the "Test this state" CodeLens). */
  states?: StateAnchor[];
}

export const RULES: RuleDoc[] = [
  { code: 'internal/error', severity: 'error', source: 'Not a fact about the file: the checker itself failed', summary: 'A checker failed on this file; the message says how. Please report it.', example: '(any file that trips a bug)' },
  { code: 'lint/unreadable', severity: 'error', source: 'The file system: only regular files within the size cap are read', summary: 'The CLI was given something it does not read: a device, named pipe or socket, or a file over the size cap.', example: 'aws-workflows lint /dev/zero' },
  { code: 'lint/unknown-kind', severity: 'warning', summary: 'The CLI was given a file that is not a state machine, Image Builder workflow, MWAA Serverless DAG, CloudFormation/SAM template or aws-workflows.yaml.', example: 'aws-workflows lint package.json' },
];

export function lintText(original: LintInput): LintResult {
  const input = { ...original, text: stripBom(original.text) };
  let kind: DocumentKind = input.kind ?? 'unknown';
  try {
    kind = input.kind ?? detectKind(input.fileName, input.text, input.context?.manifest);
    const extra: Pick<LintResult, 'states'> = {};
    return { kind, findings: dedupe(runRules(kind, input, extra)).sort(compareFindings), ...extra };
  } catch (e) {
    return { kind, findings: [internalError(e)] };
  }
}

function runRules(kind: DocumentKind, input: LintInput, extra: Pick<LintResult, 'states'>): Finding[] {
  switch (kind) {
    case 'manifest': {
      const parsed = parseManifest(input.text);
      const context = input.context ?? { fileExists: () => true };
      return [...parsed.findings, ...checkManifest(parsed, { fileExists: context.fileExists, readFile: context.readFile, fileProblem: context.fileProblem, defaultRegion: context.defaultRegion })];
    }
    case 'stateMachine': {
      const linked = input.context?.templates?.length ? findLinkedDefinition(input.fileName, input.context.templates) : undefined;
      // validateAsl reports parse problems itself (it re-reads JSON with template placeholders).
      const doc = parseDocumentForChecks(input.text, formatOf(input.fileName));
      extra.states = stateAnchors(doc.root);
      if (linked) return lintLinkedDefinition(input.text, input.fileName, linked, doc);
      const type = stateMachineType(input.fileName, input.context?.manifest);
      return validateAsl(doc, type ? { type } : undefined);
    }
    case 'imageBuilderWorkflow': {
      const doc = parseDocumentForChecks(input.text, formatOf(input.fileName));
      return [...parseFindings(doc), ...validateImageBuilderDocument(doc)];
    }
    case 'airflowWorkflow': {
      const doc = parseDocumentForChecks(input.text, formatOf(input.fileName));
      // A DAG with two tasks of the same name is ambiguous: dag/task-duplicate reports it as an error.
      return [...parseFindings(doc), ...validateDag(doc)];
    }
    case 'cloudFormationTemplate':
      return lintTemplate(input.text, input.fileName, input.context?.siblingFiles);
    case 'unknown':
      return [];
  }
}

/** The manifest's `type` for this state machine, so EXPRESS-only rules apply. */
function stateMachineType(fileName: string, manifest: ManifestForKind | undefined): 'STANDARD' | 'EXPRESS' | undefined {
  if (!manifest) return undefined;
  const file = fileName.replace(/\\/g, '/');
  for (const entry of manifest.stateMachines) {
    const def = entry.spec.definition?.replace(/\\/g, '/').replace(/^\.\//, '');
    if (def && (file === def || file.endsWith(`/${def}`))) {
      const type = entry.spec.type;
      return type === 'STANDARD' || type === 'EXPRESS' ? type : undefined;
    }
  }
  return undefined;
}

function internalError(e: unknown): Finding {
  const message = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal/error',
    severity: 'error',
    message: `This file could not be checked: ${message}. Please report this as a bug.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
