// `aws-workflows deploy`: the extension's deploy, for terminals and CI pipelines.

import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { AWS_FLAGS, cliSession } from './aws';
import { defineCommand, UsageError, type CliIo, type CommandSpec, type Flags } from './command';
import { compareFindings, type Finding } from '../core/findings';
import type { Logger } from '../core/log';
import { redact } from '../core/log';
import { MANIFEST_FILE_NAME } from '../core/manifest/model';
import { readBoundedTextFileSync, readTextFileWithinLimits } from '../files/read';
import {
  deployAll, formatFinding, formatResultLine, loadManifest, targetsOf, updateDetail, updateMessage,
  type DeployClients, type DeployHooks, type DeployResult,
} from '../deploy/engine';

const deploySpec = {
  name: 'deploy',
  usage: '[names…] [options]',
  description: `Creates or updates what aws-workflows.yaml describes: Step Functions state machines and
activities, EC2 Image Builder workflows and MWAA Serverless workflows. With names, deploys only
those entries. Local checks run first; an entry with errors is not deployed.`,
  flags: {
    file: { type: 'string', value: 'PATH', help: `The manifest (default: ./${MANIFEST_FILE_NAME})` },
    ...AWS_FLAGS,
    'dry-run': { type: 'boolean', help: "Check locally and with the services' own validation; change nothing" },
    yes: { type: 'boolean', short: 'y', help: 'Never prompt (also when CI is set): updates go ahead, the suggested\nImage Builder version is used' },
    verbose: { type: 'boolean', help: 'Print each step and request summary to stderr' },
    'request-timeout': { type: 'string', value: 'SECONDS', help: 'Give up on a request after this long (default 60; uploads\nat least 300); retried as the SDK retries' },
  },
  epilogue: `Prints one line per entry: kind, name, created|updated|unchanged|validated|failed, ARN, version.
Exit codes: 0 all deployed (or unchanged), 1 any failed, 2 usage error, 130 cancelled (Ctrl-C:
the request in flight is aborted and the summary still printed).`,
} satisfies CommandSpec<Flags>;

/** 128 + SIGINT, as shells report a command stopped by Ctrl-C. */
const CANCELLED_EXIT_CODE = 130;

function dedupeFindings(findings: Finding[]): Finding[] {
  return [...new Set(findings)];
}

function stderrLogger(io: CliIo, verbose: boolean): Logger {
  const write = (level: string) => (m: string) => { io.stderr.write(`${level} ${redact(m)}\n`); };
  const quiet = () => {};
  return { trace: quiet, debug: verbose ? write('debug') : quiet, info: verbose ? write('info') : quiet, warn: verbose ? write('warn') : quiet, error: write('error') };
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

export const deployCommand = defineCommand(deploySpec, async ({ flags, operands: names }, io) => {
  const manifestPath = resolve(io.cwd, flags.file ?? MANIFEST_FILE_NAME);
  if (!existsSync(manifestPath)) {
    throw new UsageError(`${relative(io.cwd, manifestPath) || manifestPath} not found. Run it in the folder that holds ${MANIFEST_FILE_NAME}, or pass --file.`);
  }
  const logger = stderrLogger(io, flags.verbose);
  const timeout = flags['request-timeout'];
  const requestTimeoutSeconds = timeout === undefined ? undefined : Number(timeout);
  if (requestTimeoutSeconds !== undefined && !(Number.isFinite(requestTimeoutSeconds) && requestTimeoutSeconds > 0)) {
    throw new UsageError(`--request-timeout takes a number of seconds greater than 0, not '${timeout}'.`);
  }
  const session = cliSession(io, { ...flags, requestTimeoutSeconds }, logger);
  const clients: DeployClients = session;
  const defaultRegion = await session.getRegion();

  const manifestText = readBoundedTextFileSync(manifestPath);
  if (!manifestText.ok) {
    throw new UsageError(`${relative(io.cwd, manifestPath) || manifestPath} cannot be read: ${manifestText.reason}.`);
  }
  const loaded = loadManifest(manifestPath, manifestText.text, defaultRegion);
  let targets = targetsOf(loaded, defaultRegion);
  if (names.length) {
    const unknown = names.filter((n) => !targets.some((t) => t.name === n));
    if (unknown.length) {
      throw new UsageError(`${unknown.map((n) => `'${n}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in ${relative(io.cwd, manifestPath)}. Entries: ${targets.map((t) => t.name).join(', ') || '(none)'}.`);
    }
    targets = targets.filter((t) => names.includes(t.name));
  }
  // A manifest with errors deploys nothing: the same findings lint prints, exit 1, before any call.
  // With names, only the errors that concern those entries (and the file as a whole) count.
  const concerned = names.length ? dedupeFindings(targets.flatMap((t) => t.manifestFindings ?? [])) : loaded.findings;
  if (concerned.some((f) => f.severity === 'error')) {
    const shown = relative(io.cwd, manifestPath) || manifestPath;
    for (const f of [...concerned].sort(compareFindings)) io.stderr.write(`${formatFinding(shown, f)}\n`);
    const errors = concerned.filter((f) => f.severity === 'error').length;
    io.stderr.write(`aws-workflows deploy: ${shown} has ${errors} error${errors === 1 ? '' : 's'}; nothing was deployed. Run 'aws-workflows lint' for details.\n`);
    return 1;
  }
  if (targets.length === 0) {
    io.stderr.write(`aws-workflows deploy: ${relative(io.cwd, manifestPath)} has no entries to deploy.\n`);
    return 0;
  }

  const interactive = !flags.yes && !io.env.CI && Boolean(process.stdin.isTTY);
  const show = (file: string) => relative(io.cwd, file) || file;
  const hooks: DeployHooks = {
    onStep: flags.verbose ? (m) => io.stderr.write(`  ${m}\n`) : undefined,
    // CLI: warnings are printed and the deploy goes on; CI logs keep them.
    confirmWarnings: async (_t, groups) => {
      for (const g of groups) for (const f of g.findings) io.stderr.write(`${formatFinding(show(g.file), f)}\n`);
      return true;
    },
    confirmUpdate: interactive
      ? async (plan) => /^y(es)?$/i.test(await ask(`${updateDetail(plan)}\n${updateMessage(plan)} [y/N] `))
      : undefined,
    chooseVersion: async (offer) => {
      if (!interactive) {
        io.stderr.write(`${offer.target.name}: no version is set; using ${offer.suggested}.\n`);
        return offer.suggested;
      }
      const answer = await ask(`${offer.target.name}: no version is set. Version to create [${offer.suggested}]: `);
      return answer || offer.suggested;
    },
  };

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  let results: DeployResult[];
  try {
    results = await deployAll(targets, {
      clients,
      files: { readText: readTextFileWithinLimits, exists: async (p) => existsSync(p) },
      logger,
      hooks,
      signal: controller.signal,
      dryRun: flags['dry-run'],
    }, (r) => {
      io.stdout.write(`${formatResultLine(r)}\n`);
      for (const w of r.warnings) io.stdout.write(`  warning: ${w}\n`);
      if (r.action === 'failed' || r.action === 'cancelled') io.stdout.write(`  ${r.message}\n`);
      for (const g of r.blockingFindings ?? []) for (const f of g.findings) io.stdout.write(`  ${formatFinding(show(g.file), f)}\n`);
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  const count = (a: DeployResult['action']) => results.filter((r) => r.action === a).length;
  const parts = (['created', 'updated', 'unchanged', 'validated', 'cancelled', 'failed'] as const).filter((a) => count(a) > 0).map((a) => `${count(a)} ${a}`);
  io.stdout.write(`${flags['dry-run'] ? 'Dry run: ' : ''}${parts.join(', ')}.\n`);
  if (controller.signal.aborted) return CANCELLED_EXIT_CODE;
  return count('failed') > 0 ? 1 : 0;
});
