// Bundles a few src/ exports with esbuild (as the extension and CLI ship them) and loads the result,
// so benchmarks measure the shipped code, not tsx's on-the-fly compilation.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const require = createRequire(import.meta.url);

/** `exportsSource` is TypeScript re-exports relative to the repository root. */
export async function bundleCore(name, exportsSource) {
  const outDir = path.join(repoRoot, '.cache', 'bench');
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, `${name}.bundle.cjs`);
  await build({
    stdin: { contents: exportsSource, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  delete require.cache[outfile];
  return require(outfile);
}
