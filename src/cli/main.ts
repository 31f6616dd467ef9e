// Command dispatch for the CLI. Each command lives in its own module and is loaded on demand.
// A new command is one entry in `commands`; its flags are a table in its own module (see ./command).

import type { CliCommand, CliIo } from './command';

export type { CliCommand, CliIo } from './command';

import { CLI_VERSION } from './version';
import { MAX_FILE_SIZE_MB, maxDocumentCharsForMegabytes, setParseLimits } from '../core/parse/limits';

/** Files larger than this many megabytes are refused before parsing (default 10): every command. */
export const MAX_FILE_SIZE_ENV = 'AWS_WORKFLOWS_MAX_FILE_MB';

export { CLI_VERSION };

export interface CommandEntry {
  /** The help's first column: the name and its operands. */
  synopsis: string;
  summary: string;
  /** Loaded on first use, so `--help` loads nothing else. */
  load: () => Promise<CliCommand>;
}

// import(): each command is its own chunk of the split build (scripts/build.mjs), so a command loads
// only what it needs (lint loads no deploy or SDK code). Tests run import() through tsx (.mocharc.json).
export const commands: Record<string, CommandEntry> = {
  lint: {
    synopsis: 'lint [paths or globs…]',
    summary: 'Check definitions and aws-workflows.yaml (no AWS calls)',
    load: async () => (await import('./lint')).lintCommand,
  },
  deploy: {
    synopsis: 'deploy [names…]',
    summary: 'Create or update the workflows described in aws-workflows.yaml',
    load: async () => (await import('./deploy')).deployCommand,
  },
  graph: {
    synopsis: 'graph FILE',
    summary: 'Draw a definition as SVG, Graphviz dot or a JSON layout',
    load: async () => (await import('./graph')).graphCommand,
  },
  lsp: {
    synopsis: 'lsp --stdio',
    summary: 'Run the language server (diagnostics, quick fixes, hovers, completion) for any LSP editor',
    load: async () => (await import('./lsp')).lspCommand,
  },
  test: {
    synopsis: 'test [files or globs…]',
    summary: 'Run saved TestState cases (*.tests.yaml) against AWS or an emulator',
    load: async () => (await import('./test')).testCommand,
  },
};

function help(): string {
  const rows = [...Object.values(commands).map((c) => [c.synopsis, c.summary]), ['-h, --help', 'Show this help'], ['-v, --version', 'Show the version']];
  const width = Math.max(...rows.map(([left]) => left.length)) + 3;
  const row = ([left, right]: string[]) => `  ${left.padEnd(width)}${right}`;
  const count = Object.keys(commands).length;
  return [
    'Usage: aws-workflows <command> [options]',
    '',
    'Check and ship AWS workflow definitions: Step Functions state machines and activities,',
    'EC2 Image Builder workflows and Amazon MWAA Serverless workflows.',
    '',
    'Commands:',
    ...rows.slice(0, count).map(row),
    '',
    'Options:',
    ...rows.slice(count).map(row),
    '',
    "Run 'aws-workflows <command> --help' for a command's options.",
    '',
  ].join('\n');
}

export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(help());
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${CLI_VERSION}\n`);
    return 0;
  }
  const entry = Object.hasOwn(commands, first) ? commands[first] : undefined;
  if (!entry) {
    io.stderr.write(`aws-workflows: unknown command '${first}'. Run 'aws-workflows --help' for the list.\n`);
    return 2;
  }
  const cap = io.env[MAX_FILE_SIZE_ENV];
  if (cap !== undefined) {
    const maxDocumentChars = maxDocumentCharsForMegabytes(cap);
    if (maxDocumentChars === undefined) {
      io.stderr.write(`aws-workflows: ${MAX_FILE_SIZE_ENV} takes a number of megabytes from ${MAX_FILE_SIZE_MB.min} to ${MAX_FILE_SIZE_MB.max}, not '${cap}'.\n`);
      return 2;
    }
    setParseLimits({ maxDocumentChars });
  }
  const command = await entry.load();
  return command(rest, io);
}
