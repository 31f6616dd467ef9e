// What every CLI command shares: its flags as one table (parsing by node:util parseArgs, validation and
// the help line all come from the entry), and one usage-error type reported the same way everywhere
// (one line on stderr, exit code 2). A new flag is one entry in its command's table.

import { parseArgs } from 'node:util';

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** A mistake in how the command was called: reported as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly pointToHelp = false) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Flag {
  type: 'string' | 'boolean';
  short?: string;
  /** How the value is shown in help (`PATH`); string flags only. */
  value?: string;
  /** The only values a string flag accepts; the help shows them as its value. */
  choices?: readonly string[];
  /** Help text; a `\n` starts a continuation line in the help's second column. */
  help: string;
}

export type Flags = Record<string, Flag>;

export type FlagValues<F extends Flags> = {
  [K in keyof F]: F[K]['type'] extends 'boolean' ? boolean : string | undefined;
};

export interface Parsed<F extends Flags> {
  flags: FlagValues<F>;
  /** Arguments that are not flags (everything after `--` included). */
  operands: string[];
}

export interface CommandSpec<F extends Flags> {
  name: string;
  /** After `Usage: aws-workflows <name> `. */
  usage: string;
  /** Paragraphs between the usage line and the options. */
  description: string;
  flags: F;
  /** Text after the options (exit codes, output format). */
  epilogue?: string;
}

const HELP_FLAG: Flag = { type: 'boolean', short: 'h', help: 'Show this help' };

export interface Command<F extends Flags> extends CliCommand {
  spec: CommandSpec<F>;
  /** Parses arguments; throws UsageError. */
  parse(args: string[]): Parsed<F>;
  help(): string;
}

/** A command: `--help`/`-h` prints its help, usage errors (thrown while parsing or running) exit 2. */
export function defineCommand<F extends Flags>(spec: CommandSpec<F>, run: (parsed: Parsed<F>, io: CliIo) => Promise<number>): Command<F> {
  const help = () => commandHelp(spec);
  const command = async (args: string[], io: CliIo): Promise<number> => {
    try {
      if (wantsHelp(args)) {
        io.stdout.write(help());
        return 0;
      }
      return await run(parseCommandArgs(spec, args), io);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      const hint = e.pointToHelp ? ` Run 'aws-workflows ${spec.name} --help' for usage.` : '';
      io.stderr.write(`aws-workflows ${spec.name}: ${e.message}${hint}\n`);
      return 2;
    }
  };
  return Object.assign(command, { spec, parse: (args: string[]) => parseCommandArgs(spec, args), help });
}

function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '-h' || a === '--help');
}

export function parseCommandArgs<F extends Flags>(spec: CommandSpec<F>, args: string[]): Parsed<F> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, flag] of Object.entries(spec.flags)) options[name] = flag.short ? { type: flag.type, short: flag.short } : { type: flag.type };
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageErrorOf(e as Error & { code?: string }, spec.flags);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const [name, flag] of Object.entries(spec.flags)) {
    values[name] = flag.type === 'boolean' ? values[name] === true : values[name];
    const value = values[name];
    if (flag.choices && value !== undefined && !flag.choices.includes(value as string)) {
      throw new UsageError(`--${name} must be ${orList(flag.choices)}, not '${value}'.`, true);
    }
  }
  return { flags: values as FlagValues<F>, operands: parsed.positionals };
}

/** parseArgs's errors, in our words: which flag, and what is wrong with it. */
function usageErrorOf(e: Error & { code?: string }, flags: Flags): Error {
  const option = /'(-[^' ,]*)/.exec(e.message)?.[1];
  const name = option?.replace(/^-+/, '');
  const flag = name === undefined ? undefined : flags[name] ?? Object.values(flags).find((f) => f.short === name);
  const long = name === undefined ? option : `--${Object.keys(flags).find((k) => flags[k] === flag) ?? name}`;
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option '${option}'.`, true);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (flag?.type === 'boolean') return new UsageError(`${long} takes no value.`, true);
      if (flag?.choices) return new UsageError(`${long} must be ${orList(flag.choices)}.`, true);
      return new UsageError(`${long} needs a value.`, true);
    default:
      return e.code?.startsWith('ERR_PARSE_ARGS') ? new UsageError(e.message, true) : e;
  }
}

function orList(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

export function commandHelp(spec: CommandSpec<Flags>): string {
  const rows = Object.entries({ ...spec.flags, help: HELP_FLAG }).map(([name, flag]) => {
    const value = flag.type === 'string' ? ` ${flag.choices ? flag.choices.join('|') : flag.value ?? 'VALUE'}` : '';
    const left = name === 'help' ? '-h, --help' : `--${name}${value}${flag.short ? `, -${flag.short}` : ''}`;
    return { left, lines: flag.help.split('\n') };
  });
  const width = Math.max(...rows.map((r) => r.left.length)) + 3;
  const options = rows.flatMap((r) => [`  ${r.left.padEnd(width)}${r.lines[0]}`, ...r.lines.slice(1).map((l) => `  ${' '.repeat(width)}${l}`)]);
  return [
    `Usage: aws-workflows ${spec.name} ${spec.usage}`,
    '',
    spec.description.trimEnd(),
    '',
    'Options:',
    ...options,
    ...(spec.epilogue ? ['', spec.epilogue.trimEnd()] : []),
    '',
  ].join('\n');
}
