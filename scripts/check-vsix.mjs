// Checks what `npm run package` produced: at most 1.2 MB (issue 18), and only what runs (no sources, tests,
// node_modules or source maps).   node scripts/check-vsix.mjs [file.vsix]
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

const file = process.argv[2] ?? 'workflows-for-aws.vsix';
const MAX_BYTES = 1.2 * 1024 * 1024;
const allowed = /^extension\/(dist\/.+\.js|media\/[^/]+\.(svg|png)|syntaxes\/.+|language-configuration\/.+|schemas\/.+|package\.json|readme\.md|changelog\.md|LICENSE(\.txt)?)$/i;
const entries = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
const problems = [];
const size = statSync(file).size;
if (size > MAX_BYTES) problems.push(`${file} is ${(size / 1048576).toFixed(2)} MB (limit 1.2 MB)`);
for (const entry of entries) {
  if (!entry.startsWith('extension/')) continue; // the VSIX's own manifest files
  if (!allowed.test(entry)) problems.push(`unexpected file in the package: ${entry}`);
}
if (!entries.includes('extension/dist/extension.js')) problems.push('dist/extension.js is missing');
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${file}: ${(size / 1048576).toFixed(2)} MB, ${entries.length} entries, contents as expected`);
