// A fresh `aws-workflows` process spends most of a small lint compiling our bundle. V8 can keep what it
// compiled on disk: Node 22.1+ does it with module.enableCompileCache(); on Node 20 the v8-compile-cache
// require hook does the same through vm.Script's cachedData (measured in scripts/bench/cli.mjs). Both
// keep the cache in the OS temp folder, keyed by file and content; NODE_DISABLE_COMPILE_CACHE turns it off.

import * as nodeModule from 'node:module';
import { CLI_VERSION } from './version';

export function enableCompileCache(env: NodeJS.ProcessEnv): void {
  // Only for the bundle: from sources (tsx) v8-compile-cache's vm.Script has no import() callback.
  if (CLI_VERSION === 'dev' || env.NODE_DISABLE_COMPILE_CACHE || env.DISABLE_V8_COMPILE_CACHE) return;
  const builtIn = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof builtIn === 'function') {
    builtIn();
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('v8-compile-cache');
}
