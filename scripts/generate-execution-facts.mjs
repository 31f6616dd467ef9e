// Generates src/core/facts/execution.generated.ts: StartExecution's name and input limits from the
// Step Functions model (../shared/reference/aws-models). `npm run generate` runs it; output is committed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExecutionFacts, repoRoot } from './lib/aws-facts.mjs';

const { facts, source } = loadExecutionFacts();
const text = `// GENERATED FILE - DO NOT EDIT. Regenerate with \`npm run generate\` (scripts/generate-execution-facts.mjs).
// Source: ../shared/reference/aws-models/${source}.
// Patterns are anchored here (the models' are not); compile them with the 'u' flag.

/* eslint-disable */
export const EXECUTION_FACTS = ${JSON.stringify(facts, null, 2)} as const;
`;
writeFileSync(join(repoRoot, 'src', 'core', 'facts', 'execution.generated.ts'), text);
console.log('wrote src/core/facts/execution.generated.ts');
