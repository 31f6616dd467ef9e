// CLI start-up, as whole processes: `aws-workflows lint` on a one-state file (goal ≤ 80 ms), and on the
// 1 MB JSON definition against amazon-states-language-service's own process on the same file (goal
// ≥ 10×). Runs are interleaved (ours, the peer, ours…) so load on the machine hits both alike; medians
// of N (default 7). `node -e 0` is printed as the floor any Node CLI pays.
// It also prints the best ratio any fresh process of ours could reach in this run: the one-state
// process (Node's start, loading our lint, reading a file, printing) plus the 1 MB lint at JIT-warm
// speed, measured in-process after warm-up. A fresh process cannot beat that sum: V8's code cache
// keeps bytecode between processes, never optimised code, so a cold check is never faster than a warm one.
//   node scripts/bench/cli.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateAsl } from './generate-asl.mjs';
import { bundleCore } from '../lib/bundle-core.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const work = path.join(root, '.cache', 'bench', 'cli');
const dist = path.join(work, 'dist');
mkdirSync(work, { recursive: true });

// The CLI as `npm pack` ships it: the CLI-only production build.
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--production', '--cli', '--outdir', dist], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const bin = path.join(work, 'aws-workflows.js');
writeFileSync(bin, "#!/usr/bin/env node\nrequire('./dist/cli.js');\n");
writeFileSync(path.join(work, 'package.json'), '{"private": true}\n');

const oneState = path.join(work, 'one-state.asl.json');
writeFileSync(oneState, '{\n  "StartAt": "Done",\n  "States": {\n    "Done": { "Type": "Succeed" }\n  }\n}\n');
const big = path.join(work, 'asl-1400.asl.json');
const { text: bigText } = generateAsl(1400, { format: 'json', targetChars: 1_040_000 });
writeFileSync(big, bigText);

// The peer's whole process: load the service, parse, validate, print the count.
const peer = path.join(work, 'peer.cjs');
writeFileSync(peer, `const { readFileSync } = require('fs');
const asls = require(${JSON.stringify(path.join(root, 'node_modules', 'amazon-states-language-service'))});
const { TextDocument } = require(${JSON.stringify(path.join(root, 'node_modules', 'vscode-languageserver-textdocument'))});
const service = asls.getLanguageService({});
const doc = TextDocument.create('file://' + process.argv[2], 'asl', 1, readFileSync(process.argv[2], 'utf8'));
service.doValidation(doc, service.parseJSONDocument(doc)).then((d) => { process.stdout.write(d.length + ' diagnostics\\n'); });
`);

// CPU time (user + system) of each process, written at exit by a one-line preload: on a shared, loaded
// machine wall time mostly measures the wait for a core, CPU time what the process itself cost.
const cpuReport = path.join(work, 'cpu-report.cjs');
writeFileSync(cpuReport, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, '\\ncpu-us ' + (u.user + u.system) + '\\n'); });\n");

// No AWS config of the developer's: lint resolves a region, and must not read ~/.aws.
const env = { PATH: process.env.PATH, HOME: work, AWS_CONFIG_FILE: path.join(work, 'none'), AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'none'), AWS_REGION: 'us-east-1' };
function time(args, expectStatus = 0) {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['-r', cpuReport, ...args], { cwd: work, env, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== expectStatus) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr || r.stdout}`);
  const cpu = Number(/cpu-us (\d+)/.exec(r.stderr)?.[1]) / 1000;
  return { ms, cpu };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const cases = {
  'node -e 0': () => time(['-e', '0']),
  'lint one-state': () => time([bin, 'lint', 'one-state.asl.json']),
  'lint 1 MB': () => time([bin, 'lint', 'asl-1400.asl.json']),
  'peer 1 MB': () => time([peer, big]),
};
// One warm-up round (file cache, the compile cache's first write), not counted.
for (const run of Object.values(cases)) run();
const results = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < RUNS; i++) for (const [name, run] of Object.entries(cases)) results[name].push(run());
const m = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v.map((r) => r.ms))]));
const c = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v.map((r) => r.cpu))]));

const row = (label, key, goal = '') => console.log(`${label.padEnd(30)}${m[key].toFixed(0).padStart(6)} ms wall ${c[key].toFixed(0).padStart(6)} ms CPU  ${goal}`);
console.log(`CLI start-up, whole processes, interleaved, median of ${RUNS} (${process.version})`);
row('node -e 0', 'node -e 0', '(the floor)');
row('aws-workflows lint one state', 'lint one-state', `goal ≤ 80 ms: ${m['lint one-state'] <= 80 ? 'met' : 'NOT MET'} (wall)`);
row('aws-workflows lint 1 MB JSON', 'lint 1 MB');
row('peer process, same file', 'peer 1 MB', '(amazon-states-language-service)');
const ratio = m['peer 1 MB'] / m['lint 1 MB'];
const cpuRatio = c['peer 1 MB'] / c['lint 1 MB'];
console.log(`ratio                          ${ratio.toFixed(1).padStart(5)}× wall ${cpuRatio.toFixed(1).padStart(5)}× CPU   goal ≥ 10×: ${ratio >= 10 ? 'met' : 'NOT MET'} (wall)`);

// The bound: the same lint in this process, JIT-warm (10 runs of warm-up, then the median of 15).
const { lintText } = await bundleCore('cli-lint', "export { lintText } from './src/core/lint';");
const warmRun = () => {
  const start = performance.now();
  const { findings } = lintText({ fileName: big, text: readFileSync(big, 'utf8') });
  if (findings.length !== 0) throw new Error(`the 1 MB definition should lint clean: ${findings[0].code}`);
  return performance.now() - start;
};
for (let i = 0; i < 10; i++) warmRun();
const warm = median(Array.from({ length: 15 }, warmRun));
const bound = m['lint one-state'] + warm;
console.log(`1 MB lint in-process, JIT-warm  ${warm.toFixed(0).padStart(5)} ms`);
console.log(`best a fresh process can do    ${bound.toFixed(0).padStart(6)} ms wall (one-state process + the warm 1 MB lint): at most ${(m['peer 1 MB'] / bound).toFixed(1)}× the peer in this run`);
