// A fresh `aws-workflows` process spends most of a small lint compiling our bundle. V8 can keep what it
// compiled on disk: Node 22.1+ does it with module.enableCompileCache(). On Node 20 we do it ourselves
// for our own files (dist/), rather than with v8-compile-cache: that package hashes every file with
// node:crypto, whose load alone costs more than the hash saves, and it caches only what V8 compiles
// before running a file, while most of our functions compile lazily when first called. Here the
// cache is written at exit with script.createCachedData(), which holds every function compiled by
// then, so the next run of the same command compiles almost nothing (scripts/bench/cli.mjs).
// The cache lives in the OS temp folder, in a folder only this user can write; NODE_DISABLE_COMPILE_CACHE
// turns it off.

import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import { CLI_VERSION } from './version';

export function enableCompileCache(env: NodeJS.ProcessEnv): void {
  // Only for the bundle: from sources (tsx) the files are not ours to compile.
  if (CLI_VERSION === 'dev' || env.NODE_DISABLE_COMPILE_CACHE || env.DISABLE_V8_COMPILE_CACHE) return;
  const builtIn = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof builtIn === 'function') {
    builtIn();
    return;
  }
  cacheOwnFiles(__dirname);
}

interface ModuleInternals {
  exports: unknown;
  require(id: string): unknown;
}

interface ModuleStatics {
  wrap(content: string): string;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _extensions: unknown;
  _cache: unknown;
  prototype: { _compile(this: ModuleInternals, content: string, filename: string): unknown };
}

function cacheOwnFiles(ours: string): void {
  const folder = cacheFolder();
  if (!folder) return;
  const Module = nodeModule.Module as unknown as ModuleStatics;
  const original = Module.prototype._compile;
  const fresh: { file: string; script: Script }[] = [];
  const main = require.main;
  Module.prototype._compile = function (this: ModuleInternals, content: string, filename: string): unknown {
    if (!filename.startsWith(ours + sep) || content.charCodeAt(0) === 35 /* a shebang: leave it to Node */) return original.call(this, content, filename);
    let file: string;
    let cached: Buffer | undefined;
    try {
      // Chunk names carry esbuild's content hash; entry files (cli.js, sdk/*.js) change with the version or a rebuild (size, time).
      const stat = statSync(filename);
      file = join(folder, `${basename(dirname(filename))}-${basename(filename)}-${CLI_VERSION}-${content.length}-${Math.floor(stat.mtimeMs)}`);
      cached = readFileSync(file);
    } catch {
      file ??= '';
    }
    const script = new Script(Module.wrap(content), { filename, cachedData: cached });
    if (file && (!cached || script.cachedDataRejected)) fresh.push({ file, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const require = Object.assign((id: string) => this.require(id), {
      resolve: (request: string, options?: unknown) => Module._resolveFilename(request, this, false, options),
      main,
      extensions: Module._extensions,
      cache: Module._cache,
    });
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  // At exit the scripts hold every function this run compiled; later runs of the same command find them.
  process.once('exit', () => {
    for (const { file, script } of fresh) {
      try {
        const temporary = `${file}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, file);
      } catch {
        // A cache that cannot be written costs the next run its compile time, nothing else.
      }
    }
  });
}

/** A folder in the temp folder that only this user can write to (a planted cache would be code we run), or undefined. */
function cacheFolder(): string | undefined {
  try {
    const uid = process.getuid?.();
    const folder = join(tmpdir(), `aws-workflows-compile-cache-${uid ?? 'user'}-${process.version}-${process.arch}`);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = statSync(folder);
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}
