// The service models live beside the repository (../shared/reference), not in it. Tests that compare
// generated files with them run where the models are present (CI, developers' machines) and are
// reported as skipped, never as passed, in a lone clone.
import { existsSync } from 'node:fs';
import path from 'node:path';

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
