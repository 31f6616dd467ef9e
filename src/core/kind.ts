// What a file is: a manifest, a state machine, an Image Builder workflow document, an MWAA
// Serverless DAG or a CloudFormation/SAM template. Decided from the manifest entry that names the file, else the content, else the
// name. Content is sniffed with a few anchored regexes, never a full parse: this runs on every
// file the editor opens.

import type { Manifest } from './manifest/model';
import { MANIFEST_FILE_NAME } from './manifest/model';
import { looksLikeTemplate } from './cfn/detect';

export type DocumentKind = 'manifest' | 'stateMachine' | 'imageBuilderWorkflow' | 'airflowWorkflow' | 'cloudFormationTemplate' | 'unknown';

/** The manifest sections whose entries name a definition file. */
export type ManifestForKind = Pick<Manifest, 'stateMachines' | 'imageBuilderWorkflows' | 'airflowWorkflows'>;

const ASL_FILE = /\.asl\.(json|ya?ml)$/i;

export function detectKind(fileName: string, text: string, manifest?: ManifestForKind): DocumentKind {
  // The manifest's own name is reserved: nothing else is called aws-workflows.yaml.
  if (baseName(fileName) === MANIFEST_FILE_NAME) return 'manifest';
  const fromManifest = manifest ? kindFromManifest(fileName, manifest) : undefined;
  if (fromManifest) return fromManifest;
  const fromContent = kindFromContent(text);
  if (fromContent !== 'unknown') return fromContent;
  if (ASL_FILE.test(fileName)) return 'stateMachine';
  return 'unknown';
}

/** The kind of the manifest entry whose `definition` is this file (paths are relative to the manifest). */
export function kindFromManifest(fileName: string, manifest: ManifestForKind): DocumentKind | undefined {
  const file = normalize(fileName);
  const matches = (definition: string | undefined): boolean => {
    if (!definition) return false;
    const def = normalize(definition);
    return def !== '' && (file === def || file.endsWith(`/${def}`));
  };
  if (manifest.stateMachines.some((e) => matches(e.spec.definition))) return 'stateMachine';
  if (manifest.imageBuilderWorkflows.some((e) => matches(e.spec.definition))) return 'imageBuilderWorkflow';
  if (manifest.airflowWorkflows.some((e) => matches(e.spec.definition))) return 'airflowWorkflow';
  return undefined;
}

export function kindFromContent(text: string): DocumentKind {
  // First: a JSON template's inline Definition has StartAt and States too.
  if (looksLikeTemplate(text)) return 'cloudFormationTemplate';
  const head = text.trimStart();
  if (head.startsWith('{')) {
    // JSON: keys anywhere is good enough; nested ASL (a Parallel branch) has both too.
    if (/"StartAt"\s*:/.test(text) && /"States"\s*:/.test(text)) return 'stateMachine';
    if (/"schemaVersion"\s*:/.test(text) && /"steps"\s*:/.test(text)) return 'imageBuilderWorkflow';
    if (/"tasks"\s*:\s*\{/.test(text) && /"operator"\s*:/.test(text)) return 'airflowWorkflow';
    return 'unknown';
  }
  // YAML: top-level keys start at column 0 (quoted or not).
  const topKey = (key: string) => new RegExp(`^["']?${key}["']?\\s*:`, 'm');
  if (topKey('StartAt').test(text) && topKey('States').test(text)) return 'stateMachine';
  if (topKey('schemaVersion').test(text) && topKey('steps').test(text)) return 'imageBuilderWorkflow';
  if (looksLikeDag(text)) return 'airflowWorkflow';
  return 'unknown';
}

/** A top-level mapping whose values are mappings with `tasks` (dag-factory style). */
function looksLikeDag(text: string): boolean {
  // The first top-level key with a block value, then the indentation of its first child.
  const first = /^[^\s#-][^\n]*:[ \t]*(#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*([ \t]+)\S/m.exec(text);
  if (!first) return false;
  const indent = first[2];
  return new RegExp(`^${indent}["']?tasks["']?[ \\t]*:`, 'm').test(text);
}

function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1];
}

function normalize(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
}
