// Bundle sizes (production build, as packaged), the bytes of JavaScript activate() loads and the time to
// load dist/extension.js and run activate() against a minimal fake `vscode` module, median of 10 cold
// loads in separate processes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ACTIVATION_BUDGET_BYTES, measureActivation } from '../lib/activation.mjs';
import { sdkBytes } from '../lib/bundle-graph.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const metafile = path.join(root, '.cache', 'bench', 'production-meta.json');
mkdirSync(path.dirname(metafile), { recursive: true });
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--metafile', metafile], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const size = (rel) => statSync(path.join(root, rel)).size;
console.log(`dist/extension.js  ${kb(size('dist/extension.js'))}`);
console.log(`dist/cli.js        ${kb(size('dist/cli.js'))}`);
// Each SDK entry point with the chunks it loads; the SDK core is shared, so the total counts it once.
const sdk = sdkBytes(JSON.parse(readFileSync(metafile, 'utf8')));
for (const { entry, bytes } of sdk.perEntry) console.log(`${entry.padEnd(25)} ${kb(bytes)} with the chunks it loads`);
console.log(`AWS SDK code in all   ${kb(sdk.total)} (each service still loads on first use)`);
// The VSIX as `npm run package` builds it now (a file left by an earlier package would be stale).
const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8' });
if (pack.status !== 0) {
  console.error(pack.stdout, pack.stderr);
  process.exit(1);
}
console.log(`VSIX               ${kb(size('workflows-for-aws.vsix'))} (goal ≤ 1.2 MB: ${size('workflows-for-aws.vsix') <= 1.2 * 1024 * 1024 ? 'met' : 'NOT MET'})`);

// Load + activate() in a fresh process each time (scripts/lib/activation.mjs), median of 10.
const runs = [];
let last;
for (let i = 0; i < 10; i++) {
  try {
    last = measureActivation(path.join(root, 'dist'));
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
  runs.push(last.ms);
}
runs.sort((a, b) => a - b);
const median = (runs[4] + runs[5]) / 2;
console.log(`load + activate()   median ${median.toFixed(1)} ms of 10 cold processes (min ${runs[0].toFixed(1)}, max ${runs[9].toFixed(1)}); AWS SDK modules loaded: ${last.sdk}`);
console.log(`JS loaded by activate() ${kb(last.bytes)} in ${last.files.length} files (budget ${kb(ACTIVATION_BUDGET_BYTES)}: ${last.bytes <= ACTIVATION_BUDGET_BYTES && last.sdk === 0 ? 'met' : 'NOT MET'})`);
let chunks = 0;
for (const f of readdirSync(path.join(root, 'dist')).filter((n) => /^chunk-.*\.js$/.test(n))) chunks += size(`dist/${f}`);
console.log(`dist/chunk-*.js     ${kb(chunks)} (code shared by entry points, or loaded on first use)`);
// Leave a development build behind, as `npm run build` would.
spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
