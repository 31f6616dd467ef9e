// `aws-workflows`: the same checks and deploys as the extension, for terminals and CI.

import { enableCompileCache } from './cli/compileCache';
import { runCli } from './cli/main';
import { fdOutput } from './cli/output';

// Before any command's chunk loads (they are import()ed on first use).
enableCompileCache(process.env);

const stderr = fdOutput(2);
runCli(process.argv.slice(2), { stdout: fdOutput(1), stderr, cwd: process.cwd(), env: process.env }).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    stderr.write(`aws-workflows: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
