// npm run generate: regenerates src/core/facts/aws.generated.ts (and the manifest JSON Schema)
// from ../shared/reference/aws-models, then runs every other scripts/generate-*.mjs.
// Generated files are committed; run this after updating the models.

import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFacts, repoRoot } from './lib/aws-facts.mjs';

const self = basename(fileURLToPath(import.meta.url));

function writeFactsModule() {
  const { facts, sources, modelCommit } = loadFacts();
  const sourceList = Object.entries(sources).map(([file, s]) => `//   ${file} (API ${s.apiVersion}, sha256 ${s.sha256})`).join('\n');
  const text = `// GENERATED FILE - DO NOT EDIT. Regenerate with \`npm run generate\` (scripts/generate-facts.mjs).
// Source: ../shared/reference/aws-models, ${modelCommit}:
${sourceList}
// Patterns are anchored here (the models' are not); compile them with the 'u' flag.

/* eslint-disable */
export const AWS_FACTS = ${JSON.stringify(facts, null, 2)} as const;

export type AwsFacts = typeof AWS_FACTS;
`;
  const out = join(repoRoot, 'src', 'core', 'facts', 'aws.generated.ts');
  mkdirSync(join(repoRoot, 'src', 'core', 'facts'), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote ${out.slice(repoRoot.length + 1)} (${modelCommit})`);
}

function runOtherGenerators() {
  const scripts = readdirSync(join(repoRoot, 'scripts'))
    .filter((f) => /^generate-.+\.mjs$/.test(f) && f !== self)
    .sort();
  let failed = 0;
  for (const script of scripts) {
    console.log(`running scripts/${script}`);
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', script)], { cwd: repoRoot, stdio: 'inherit' });
    if (r.status !== 0) {
      failed++;
      console.error(`scripts/${script} failed (exit ${r.status ?? r.signal})`);
    }
  }
  return failed;
}

writeFactsModule();
process.exitCode = runOtherGenerators() > 0 ? 1 : 0;
