// The CLI as a user installs it: `npm pack` (prepack makes the production CLI build), the tarball
// installed into an empty folder outside the repository, then `aws-workflows lint`, `graph` and `deploy` run
// from there against the emulator. Nothing of the repository (no node_modules, no src) is reachable.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmulator, type RunningEmulator } from '../server';
import { emulatorEnv, REGION, runScript, state } from './support';

const ROOT = resolve(__dirname, '../../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// HOME is the project folder, so no user config of the developer's is read.
const run = (bin: string, cwd: string, args: string[], env: NodeJS.ProcessEnv) => runScript(bin, cwd, args, { HOME: cwd, ...env });

describe('the packed CLI, installed from its tarball into an empty folder', function () {
  this.timeout(240_000);
  let work: string;
  let bin: string;
  let installed: string;
  let packedFiles: string[];
  let emulator: RunningEmulator;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'aws-workflows-pack-'));
    const prefix = join(work, 'install');
    cpSync(join(ROOT, 'examples'), join(work, 'project'), { recursive: true });
    execFileSync(npm, ['pack', '--pack-destination', work.replace(/\\/g, '/'), '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const tarball = readdirSync(work).find((f) => /^workflows-for-aws-.*\.tgz$/.test(f));
    assert.ok(tarball, 'npm pack wrote a tarball');
    execFileSync('tar', ['-xzf', join(work, tarball!), '-C', work]);
    packedFiles = listFiles(join(work, 'package')).sort();
    rmSync(join(work, 'package'), { recursive: true });
    // An empty folder, as a fresh project outside any repository.
    mkdirSync(prefix);
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball!)], { cwd: prefix, stdio: ['ignore', 'pipe', 'pipe'] });
    installed = join(prefix, 'node_modules', 'workflows-for-aws');
    bin = join(prefix, 'node_modules', '.bin', 'aws-workflows');
    emulator = await startEmulator({ port: 0, quiet: true, seed: 'demo' });
  });
  after(async () => {
    await emulator?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('ships only what runs: the bundled CLI and its chunks, bin/, the schema, README, LICENSE', () => {
    const unexpected = packedFiles.filter((f) => !/^(bin\/aws-workflows\.js|dist\/(cli|chunk-[A-Z0-9]+)\.js|dist\/sdk\/[a-z0-9]+\.js|schemas\/[^/]+\.json|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f));
    assert.deepEqual(unexpected, [], 'no sources, tests, maps or extension bundle in the package');
    for (const needed of ['bin/aws-workflows.js', 'dist/cli.js', 'dist/sdk/sfn.js', 'README.md', 'LICENSE', 'schemas/aws-workflows.schema.json']) assert.ok(packedFiles.includes(needed), needed);
    assert.ok(!packedFiles.includes('dist/extension.js'), 'the extension is not part of the CLI package');
  });

  it('installs nothing else: everything it needs is bundled', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'runtime packages belong in devDependencies: esbuild bundles them');
    const siblings = readdirSync(join(installed, '..')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(siblings, ['workflows-for-aws']);
    assert.ok(existsSync(bin), 'npm linked the aws-workflows bin');
  });

  it('lints from the installed package: exit 1 with file:line:col for an error, 0 for the examples', async () => {
    const project = join(work, 'project');
    const clean = await run(bin, project, ['lint'], emulatorEnv(emulator));
    assert.equal(clean.code, 0, `${clean.stdout}\n${clean.stderr}`);
    writeFileSync(join(project, 'broken.asl.json'), '{\n  "StartAt": "Missing",\n  "States": {\n    "Done": { "Type": "Succeed" }\n  }\n}\n');
    const broken = await run(bin, project, ['lint', 'broken.asl.json'], emulatorEnv(emulator));
    assert.equal(broken.code, 1, `${broken.stdout}\n${broken.stderr}`);
    assert.match(broken.stdout, /^broken\.asl\.json:2:\d+ error [a-z]+\/[a-z-]+ .*Missing/m);
  });

  it('draws a graph from the installed package: SVG with every state, and a JSON layout to a file', async () => {
    const project = join(work, 'project');
    const svg = await run(bin, project, ['graph', 'statemachines/order-pipeline.asl.yaml'], emulatorEnv(emulator));
    assert.equal(svg.code, 0, `${svg.stdout}\n${svg.stderr}`);
    assert.match(svg.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const state of ['ChargePayment', 'NeedsApproval', 'WaitForApproval', 'ShipOrder', 'PaymentFailed']) assert.ok(svg.stdout.includes(`>${state}<`), state);
    const json = await run(bin, project, ['graph', 'statemachines/order-pipeline.asl.yaml', '--format', 'json', '-o', 'graph.json'], emulatorEnv(emulator));
    assert.equal(json.code, 0, `${json.stdout}\n${json.stderr}`);
    const layout = JSON.parse(readFileSync(join(project, 'graph.json'), 'utf8')) as { edges: Array<{ from: string; to: string }> };
    assert.ok(layout.edges.some((e) => e.from.endsWith('ChargePayment') && e.to.endsWith('NeedsApproval')), JSON.stringify(layout.edges.slice(0, 4)));
  });

  it('deploys from the installed package against the emulator', async () => {
    const deployed = await run(bin, join(work, 'project'), ['deploy', '--yes', 'order-pipeline', 'manual-approval'], emulatorEnv(emulator));
    assert.equal(deployed.code, 0, `${deployed.stdout}\n${deployed.stderr}`);
    assert.match(deployed.stdout, /^state machine\s+order-pipeline\s+(created|updated|unchanged)\s+arn:aws:states:/m);
    const s = (await state(emulator)).regions[REGION];
    assert.ok(Object.values(s.states.stateMachines as Record<string, { name: string }>).some((m) => m.name === 'order-pipeline'));
    assert.ok(Object.values(s.states.activities as Record<string, { name: string }>).some((a) => a.name === 'manual-approval'));
  });
});

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}
