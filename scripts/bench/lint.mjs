// ASL lint benchmark: validateAsl (parse + validate) against amazon-states-language-service's
// doValidation, in the same run, on the same generated files (scripts/bench/generate-asl.mjs).
// Prints the median of repeated runs and the ratio. Our code is bundled with esbuild first, as
// the extension and CLI ship it.
//   node scripts/bench/lint.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { benchInputs } from './generate-asl.mjs';
import { bundleCore } from '../lib/bundle-core.mjs';

const require = createRequire(import.meta.url);
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : undefined;

const ours = await bundleCore('asl-lint', `export { parseDocument } from './src/core/parse/document';
export { validateAsl } from './src/core/asl/validate';
export { clearAslCaches } from './src/core/asl/caches';`);
const asls = require('amazon-states-language-service');
const { TextDocument } = require('vscode-languageserver-textdocument');

const jsonService = asls.getLanguageService({});
const yamlService = asls.getYamlLanguageService({});

function ourLint(input) {
  const doc = ours.parseDocument(input.text, input.format);
  return ours.validateAsl(doc);
}

async function peerLint(input, version) {
  if (input.format === 'json') {
    const textDoc = TextDocument.create(`file:///bench/${input.name}`, 'asl', version, input.text);
    const jsonDoc = jsonService.parseJSONDocument(textDoc);
    return jsonService.doValidation(textDoc, jsonDoc);
  }
  const textDoc = TextDocument.create(`file:///bench/${input.name}`, 'asl-yaml', version, input.text);
  return yamlService.doValidation(textDoc);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function measure(fn, runs) {
  for (let i = 0; i < 5; i++) await fn(-1 - i); // warm-up (JIT, lazy requires)
  const times = [];
  for (let i = 1; i <= runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return median(times);
}

const goals = { 'asl-100.json': { maxMs: 5 }, 'asl-100.yaml': { maxMs: 5 }, 'asl-1400.json': { minRatio: 10 }, 'asl-1400.yaml': { minRatio: 3 } };
const inputs = benchInputs();
// Warm the process (JIT) on every input first, so the first file measured is not penalised.
for (const input of inputs) for (let i = 0; i < 10; i++) { ours.clearAslCaches(); ourLint(input); }
const rows = [];
for (const input of inputs) {
  const big = input.text.length > 500_000;
  const runs = RUNS ?? (big ? 15 : 41);
  const findings = ourLint(input);
  const errors = findings.filter((f) => f.severity === 'error').length;
  // Cold: caches of parsed JSONata and intrinsic expressions are cleared before every run, as on
  // the first validation of a file. Warm: as when re-validating while typing.
  const cold = await measure(() => { ours.clearAslCaches(); ourLint(input); }, runs);
  const warm = await measure(() => { ourLint(input); }, runs);
  const peer = await measure((i) => peerLint(input, i), big ? Math.min(runs, 7) : Math.min(runs, 15));
  const goal = goals[input.name];
  const ratio = peer / cold;
  const met = goal?.maxMs !== undefined ? cold < goal.maxMs : ratio >= goal.minRatio;
  rows.push({ input, cold, warm, peer, ratio, errors, goal, met });
}

console.log('ASL lint: validateAsl (parse + validate) vs amazon-states-language-service doValidation, median ms');
console.log('file            states  chars      ours cold  ours warm  peer      ratio   goal');
for (const r of rows) {
  const goalText = r.goal.maxMs !== undefined ? `< ${r.goal.maxMs} ms` : `≥ ${r.goal.minRatio}×`;
  console.log(
    `${r.input.name.padEnd(15)} ${String(r.input.states).padStart(6)}  ${String(r.input.text.length).padStart(9)}  ${r.cold.toFixed(2).padStart(9)}  ${r.warm.toFixed(2).padStart(9)}  ${r.peer.toFixed(1).padStart(8)}  ${(r.ratio.toFixed(1) + '×').padStart(6)}  ${goalText} ${r.met ? 'met' : 'NOT MET'}${r.errors ? `  (${r.errors} errors reported — the input should be valid)` : ''}`,
  );
}
