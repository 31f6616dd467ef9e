// Bundles the extension and the CLI with esbuild.
// The AWS SDK clients are separate entry points so activation loads none of them:
// src/aws loads each one with require() on first use.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, readFileSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const sdkEntries = existsSync('src/aws/sdk')
  ? readdirSync('src/aws/sdk').filter((f) => f.endsWith('.ts')).map((f) => `src/aws/sdk/${f}`)
  : [];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': production ? '"production"' : '"development"',
    __VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
  },
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode', './sdk/*'] },
  { ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', external: ['vscode', './sdk/*'] },
  // Lints large documents off the extension host's thread (src/diagnostics/lintRunner.ts).
  { ...common, entryPoints: { lintWorker: 'src/diagnostics/lintWorker.ts' }, outdir: 'dist', external: ['vscode'] },
];
if (sdkEntries.length > 0) {
  builds.push({ ...common, entryPoints: sdkEntries, outdir: 'dist/sdk', external: ['vscode'] });
}

// A package build starts clean so no stale source map or old entry point is shipped.
if (production) rmSync('dist', { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
