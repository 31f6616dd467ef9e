// The service models live beside the repository (../shared/reference), not in it. Tests that compare
// generated files with them run where the models are present (CI, developers' machines) and are
// reported as skipped, never as passed, in a lone clone.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expandGlob } from '../../src/cli/glob';

const repoRoot = path.resolve(__dirname, '..', '..');

export const REFERENCE_DIR = [process.env.WORKFLOWS_REFERENCE_DIR, path.resolve(repoRoot, '..', 'shared', 'reference')]
  .filter((d): d is string => Boolean(d))
  .find((d) => existsSync(path.join(d, 'aws-models')));

export const describeWithReference: Mocha.SuiteFunction | Mocha.PendingSuiteFunction = REFERENCE_DIR ? describe : describe.skip;

/** Real templates and definitions from aws-samples/serverless-patterns (see its README). */
export const SERVERLESS_PATTERNS_DIR = [process.env.WORKFLOWS_CORPUS_DIR, path.resolve(repoRoot, '..', 'shared', 'corpus')]
  .filter((d): d is string => Boolean(d))
  .map((d) => path.join(d, 'serverless-patterns'))
  .find((d) => existsSync(path.join(d, 'README.md')));

/** `*.asl.*` files, and every file a template's DefinitionUri names (spelled exactly; a case mismatch is the template check's finding). */
export function serverlessPatternsDefinitions(root: string): string[] {
  const files = new Set(expandGlob('**/*.asl.{json,yaml,yml}', root));
  for (const template of expandGlob('**/*.{yaml,yml,json}', root)) {
    for (const m of readFileSync(template, 'utf8').matchAll(/^\s*DefinitionUri:\s*["']?([^"'\s#]+)/gm)) {
      const target = path.resolve(path.dirname(template), m[1]);
      if (existsSync(target)) files.add(target);
    }
  }
  return [...files].sort();
}
