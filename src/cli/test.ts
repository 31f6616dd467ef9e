// `aws-workflows test [FILE…]`: runs saved TestState cases (src/core/runs/testCases.ts) against AWS
// or an emulator (the usual AWS_ENDPOINT_URL), one line per case; exit 1 when a case fails.

import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { callAws } from '../aws/errors';
import { isContained } from '../common/containment';
import { toStateMachineJson } from '../deploy/engine/definition';
import { MemoryLogger } from '../core/log';
import { MANIFEST_FILE_NAME } from '../core/manifest/model';
import { readBoundedTextFileSync } from '../files/read';
import { judge, parseTestFile, TEST_FILE_GLOB, type TestCase, type TestFile } from '../core/runs/testCases';
import { stateAt, statePathLabel } from '../core/testState/statePath';
import { AWS_FLAGS, cliSession } from './aws';
import { defineCommand, UsageError, type CommandSpec, type Flags } from './command';
import { expandGlob, isGlob } from './glob';
import { readManifest } from './lint';

const testSpec = {
  name: 'test',
  usage: '[FILE or glob…] [--region R] [--profile P] [--role-arn ARN]',
  description: `Runs the TestState cases saved in *.tests.yaml (or .yml, .json) files: each case tests one
state of a definition with an input, optional variables and a mock, and states what it expects
(status, nextState, output, error, cause); a case's path names a state inside a Parallel branch
or a Map's processor, tested by its own definition alone. Without files, every ${TEST_FILE_GLOB} under the
current folder. The role is the file's roleArn, else the aws-workflows.yaml entry whose definition
the file names, else --role-arn. Point AWS_ENDPOINT_URL at the emulator to run without AWS.`,
  flags: {
    ...AWS_FLAGS,
    'role-arn': { type: 'string', value: 'ARN', help: 'Role for TestState when neither the file nor aws-workflows.yaml names one' },
  },
  epilogue: 'Exit codes: 0 every case passed, 1 a case failed or could not run, 2 usage error (a file is missing or malformed).',
} satisfies CommandSpec<Flags>;

/** A workspace file, bounded (size, regular files only): a usage error naming why it cannot be read. */
function readWorkspaceFile(file: string, shown: string): string {
  const read = readBoundedTextFileSync(file);
  if (!read.ok) throw new UsageError(`cannot read ${shown}: ${read.reason}.`);
  return read.text;
}

function readDefinition(file: string, shown: string): string {
  // YAML definitions are sent as JSON, converted as deploy converts them (the checker's parser and budgets).
  return toStateMachineJson(readWorkspaceFile(file, shown), shown);
}

export const testCommand = defineCommand(testSpec, async ({ flags, operands }, io) => {
  const files: string[] = [];
  for (const operand of operands.length ? operands : [TEST_FILE_GLOB]) {
    const matched = isGlob(operand) ? expandGlob(operand, io.cwd) : [resolve(io.cwd, operand)];
    if (!isGlob(operand) && !existsSync(matched[0])) throw new UsageError(`${operand} does not exist.`);
    files.push(...matched.filter((f) => !files.includes(f)));
  }
  if (files.length === 0) throw new UsageError(`no test files match ${operands.length ? operands.join(', ') : TEST_FILE_GLOB}.`);
  const manifestPath = join(io.cwd, MANIFEST_FILE_NAME);
  const manifest = existsSync(manifestPath) ? readManifest(manifestPath) : undefined;
  const loaded: { file: string; tests: TestFile; definition: string; roleArn?: string }[] = [];
  for (const file of files) {
    const shown = relative(io.cwd, file) || file;
    const tests = parseTestFile(readWorkspaceFile(file, shown));
    if (typeof tests === 'string') throw new UsageError(`${shown}: ${tests}`);
    const definitionFile = resolve(dirname(file), tests.definition);
    if (!existsSync(definitionFile)) throw new UsageError(`${shown}: the definition ${tests.definition} does not exist.`);
    // A tests file names its definition; it is read (and sent to TestState) only from inside this folder.
    if (!isContained([io.cwd], definitionFile)) throw new UsageError(`${shown}: the definition ${tests.definition} is outside ${io.cwd}; run aws-workflows test from a folder that holds both.`);
    const fromManifest = manifest?.stateMachines.find((e) => e.spec.definition && resolve(io.cwd, e.spec.definition) === definitionFile)?.spec.roleArn;
    let definition: string;
    try {
      definition = readDefinition(definitionFile, tests.definition);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${shown}: the definition ${tests.definition} does not parse: ${(e as Error).message.split('\n')[0]}`);
    }
    loaded.push({ file: shown, tests, definition, roleArn: tests.roleArn ?? fromManifest ?? flags['role-arn'] });
  }

  const session = cliSession(io, flags, new MemoryLogger());
  const region = flags.region ?? (await session.getRegion());
  let passed = 0;
  let failed = 0;
  for (const { file, tests, definition, roleArn } of loaded) {
    for (const c of tests.cases) {
      let problems: string[];
      try {
        problems = judge(c, await runCase(session, region, definition, roleArn, c));
      } catch (e) {
        problems = [e instanceof Error ? e.message : String(e)];
      }
      if (problems.length === 0) {
        passed++;
        io.stdout.write(`pass  ${file} › ${c.name}\n`);
      } else {
        failed++;
        io.stdout.write(`FAIL  ${file} › ${c.name}: ${problems.join('; ')}\n`);
      }
    }
  }
  io.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
});

async function runCase(session: ReturnType<typeof cliSession>, region: string, definition: string, roleArn: string | undefined, c: TestCase) {
  const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));
  // A nested state is sent alone: its own definition and no stateName (statePath.ts).
  const nested = c.path ? stateAt(JSON.parse(definition), c.path) : undefined;
  if (c.path && !nested) throw new Error(`the definition has no state ${statePathLabel(c.path)}.`);
  return callAws({ service: 'states', operation: 'TestState', region, resource: c.path ? statePathLabel(c.path) : c.state }, async () => {
    const { client, sdk } = await session.sfn(region);
    return client.send(
      new sdk.TestStateCommand({
        definition: nested ? JSON.stringify(nested) : definition,
        stateName: nested ? undefined : c.state,
        roleArn,
        input: json(c.input ?? {}),
        variables: json(c.variables),
        context: json(c.context),
        inspectionLevel: 'INFO',
        mock: c.mock ? { result: json(c.mock.result), errorOutput: c.mock.errorOutput } : undefined,
        stateConfiguration: c.retrierRetryCount !== undefined ? { retrierRetryCount: c.retrierRetryCount } : undefined,
      }),
    );
  });
}
