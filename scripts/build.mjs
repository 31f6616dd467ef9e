// Bundles the extension, the CLI, the lint worker and the AWS SDK entry points with esbuild, in ONE
// split build: code two entry points share lives once, in a chunk (dist/chunk-*.js), and every
// `await import('./x')` in src becomes a chunk loaded on first use. So activation loads only what
// activate() reaches statically (DEVELOPERS.md, "Activation"), and the six SDK entry points share
// the SDK core instead of each copying it.
// esbuild splits only ES modules; VS Code and `bin/aws-workflows.js` load CommonJS, so each output
// is then converted to CommonJS (imports become require, `import()` a deferred require), with its
// source map carried through.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir X` builds elsewhere (the activation budget test builds production into a temp folder).
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg > 0 ? process.argv[outdirArg + 1] : 'dist';
// `--metafile X` writes esbuild's account of which source went into which output.
const metafileArg = process.argv.indexOf('--metafile');
const metafile = metafileArg > 0 ? process.argv[metafileArg + 1] : undefined;

const sdkEntries = existsSync('src/aws/sdk')
  ? Object.fromEntries(readdirSync('src/aws/sdk').filter((f) => f.endsWith('.ts')).map((f) => [`sdk/${path.basename(f, '.ts')}`, `src/aws/sdk/${f}`]))
  : {};

// `--cli` builds only the CLI and what it loads (`npm pack`'s prepack: the package ships dist/ whole).
const cliOnly = process.argv.includes('--cli');

const options = {
  entryPoints: cliOnly ? { cli: 'src/cli.ts', ...sdkEntries } : {
    extension: 'src/extension.ts',
    cli: 'src/cli.ts',
    // Lints large documents off the extension host's thread (src/diagnostics/lintRunner.ts).
    lintWorker: 'src/diagnostics/lintWorker.ts',
    ...sdkEntries,
  },
  outdir,
  // Chunks sit beside extension.js, so `__dirname` means dist/ wherever the code lands.
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'inline',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
  write: false,
  // `./sdk/*` are the SDK entry points, required on first use (src/aws/lazySdk.ts).
  external: ['vscode', './sdk/*'],
  define: {
    'process.env.NODE_ENV': production ? '"production"' : '"development"',
    __VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
  },
};

// The webview scripts (graph view, execution view): browser bundles of their own (no Node, no chunks, no network).
const webviewOptions = {
  entryPoints: { graphView: 'src/graph/webview/main.ts', executionView: 'src/runs/webview/executionView.ts', testStateView: 'src/testState/webview/testStateView.ts' },
  outdir,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: production,
  sourcemap: production ? false : 'inline',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
};

async function toCommonJs(file) {
  const result = await esbuild.transform(file.text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // `import()` of a chunk becomes `Promise.resolve().then(() => require(chunk))`.
    supported: { 'dynamic-import': false },
    minify: production,
    sourcemap: production ? false : 'external',
    sourcefile: path.basename(file.path),
    legalComments: 'none',
    logLevel: 'warning',
  });
  return result;
}

/** Writes the converted outputs, removing files a previous build left (stale chunks). */
async function emit(result) {
  const written = new Set();
  for (const file of result.outputFiles) {
    if (!file.path.endsWith('.js')) continue;
    const { code, map } = await toCommonJs(file);
    mkdirSync(path.dirname(file.path), { recursive: true });
    if (map) {
      writeFileSync(`${file.path}.map`, map);
      writeFileSync(file.path, `${code}//# sourceMappingURL=${path.basename(file.path)}.map\n`);
      written.add(`${file.path}.map`);
    } else {
      writeFileSync(file.path, code);
    }
    written.add(file.path);
  }
  for (const file of cliOnly ? [] : (await esbuild.build(webviewOptions)).outputFiles) {
    writeFileSync(file.path, file.contents);
    written.add(file.path);
  }
  for (const dir of [outdir, path.join(outdir, 'sdk')]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const full = path.resolve(dir, name);
      if (/\.js(\.map)?$/.test(name) && !written.has(full)) rmSync(full);
    }
  }
  if (metafile) writeFileSync(metafile, JSON.stringify(result.metafile));
}

// A package build starts clean so no stale source map or old entry point is shipped.
if (production) rmSync(outdir, { recursive: true, force: true });

if (watch) {
  const context = await esbuild.context({
    ...options,
    plugins: [{ name: 'commonjs', setup: (build) => build.onEnd((result) => (result.errors.length ? undefined : emit(result))) }],
  });
  await context.watch();
  console.log('watching for changes…');
} else {
  await emit(await esbuild.build(options));
}
