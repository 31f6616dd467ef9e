// Hostile inputs: files a stranger's pull request could contain, each with what the CLI must do.
// The fixtures are written by prepareFixtures; runCase runs one case (in a worker, see worker.cjs).

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployCommand } from '../../../src/cli/deploy';
import { lintCommand } from '../../../src/cli/lint';

const FILES = join(__dirname, 'files');
const ROLE = 'arn:aws:iam::123456789012:role/orders';
/** What a kubeconfig would be: if a deploy ever read it, this text would show up in a request. */
export const SECRET_MARKER = 'client-key-data-SECRET-MARKER';
const SECRET_ASL = `{"Comment": "${SECRET_MARKER}", "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}\n`;

export interface HostileCase {
  name: string;
  /** The folder (under the fixtures root) the CLI runs in. */
  dir: string;
  args: string[];
  /** Replaces variables of the base environment (undefined removes one). */
  env?: Record<string, string | undefined>;
  exit: number;
  /** Finding codes that must be reported (lint --format json) or printed (deploy). */
  codes?: string[];
  /** Output (stdout + stderr) must match each. */
  says?: RegExp[];
  /** …and match none of these. */
  never?: RegExp[];
}

const sm = (definition: string) => `stateMachines:\n  orders:\n    definition: ${definition}\n    roleArn: ${ROLE}\n`;

/** A hostile manifest case as both lint and deploy --yes: deploy must exit 1 before any request. */
function manifestCases(name: string, dir: string, codes: string[], says: RegExp[] = []): HostileCase[] {
  return [
    { name: `lint: ${name}`, dir, args: ['lint', '--format', 'json'], exit: 1, codes },
    { name: `deploy --yes: ${name}`, dir, args: ['deploy', '--yes'], exit: 1, codes, says: [/nothing was deployed/, ...says] },
  ];
}

export const REGION_ATTACK = (port: number) => `x@127.0.0.1:${port}/#`;

export function hostileCases(port: number): HostileCase[] {
  return [
    { name: 'lint: 406-byte billion-laughs state machine', dir: 'laughs', args: ['lint', '--format', 'json', 'billion-laughs.asl.yaml'], exit: 1, codes: ['parse/too-complex'] },
    ...manifestCases('billion-laughs aws-workflows.yaml', 'laughs-manifest', ['parse/too-complex']),
    { name: 'lint: 10,000 anchors and aliases', dir: 'aliases', args: ['lint', '--format', 'json', 'many-aliases.asl.yaml'], exit: 0 },
    { name: 'lint: 10,001 aliases (over the alias budget)', dir: 'aliases', args: ['lint', '--format', 'json', 'too-many-aliases.asl.yaml'], exit: 1, codes: ['parse/too-complex'] },
    { name: 'lint: alias inside its own anchor', dir: 'aliases', args: ['lint', '--format', 'json', 'recursive.asl.yaml'], exit: 1, codes: ['parse/too-complex'] },
    { name: 'lint: YAML flow nested 100,000 deep', dir: 'deep', args: ['lint', '--format', 'json', 'deep-flow.asl.yaml'], exit: 1, codes: ['parse/too-complex'] },
    { name: 'lint: YAML block sequence nested 100,000 deep', dir: 'deep', args: ['lint', '--format', 'json', 'deep-block.asl.yaml'], exit: 1, codes: ['parse/too-complex'] },
    { name: 'lint: JSON nested 100,000 deep', dir: 'deep', args: ['lint', '--format', 'json', 'deep.asl.json'], exit: 1, codes: ['parse/too-complex'] },
    ...manifestCases('aws-workflows.yaml nested 100,000 deep', 'deep-manifest', ['parse/too-complex']),
    { name: 'lint: an 11 MB definition (over the 10 MB cap)', dir: 'huge', args: ['lint', '--format', 'json', 'huge.asl.json'], exit: 1, codes: ['lint/unreadable'] },
    { name: 'lint: /dev/zero on the command line', dir: 'paths-fifo', args: ['lint', '--format', 'json', '/dev/zero'], exit: 1, codes: ['lint/unreadable'], says: [/\/dev\/zero cannot be read: it is a device/] },
    { name: 'lint: a FIFO on the command line', dir: 'paths-fifo', args: ['lint', '--format', 'json', 'pipe.asl.json'], exit: 1, codes: ['lint/unreadable'], says: [/pipe\.asl\.json cannot be read: it is a named pipe/] },
    ...manifestCases('definition: /dev/zero', 'paths-dev-zero', ['manifest/path-outside'], [/\/dev\/zero/]),
    ...manifestCases('definition: a link to /dev/zero', 'paths-dev-link', ['manifest/path-outside'], [/symbolic link to \/dev\/zero/]),
    ...manifestCases('definition: a FIFO', 'paths-fifo', ['manifest/definition-unreadable'], [/pipe\.asl\.json.*named pipe/]),
    ...manifestCases('definition: a folder', 'paths-folder', ['manifest/definition-unreadable'], [/'statemachines' cannot be read: it is a folder/]),
    ...manifestCases('definition: an absolute path', 'paths-absolute', ['manifest/path-outside'], [/absolute path/]),
    ...manifestCases('definition: ../ out of the folder', 'paths-dotdot', ['manifest/path-outside'], [/climbs out/]),
    ...manifestCases('definition: a link to a file outside', 'paths-link-out', ['manifest/path-outside'], [/symbolic link/]),
    ...manifestCases('definition: inside a linked folder outside', 'paths-link-dir-out', ['manifest/path-outside'], [/symbolic link/]),
    ...manifestCases('definition: a Windows absolute path', 'paths-windows', ['manifest/path-outside'], [/absolute Windows path/]),
    ...manifestCases('definition: a Windows UNC path', 'paths-unc', ['manifest/path-outside'], [/UNC/]),
    ...manifestCases('definition: ..\\..\\ Windows-style', 'paths-windows-dotdot', ['manifest/path-outside'], [/climbs out/]),
    { name: 'lint: definition through a link that stays inside is fine', dir: 'paths-link-in', args: ['lint', '--format', 'json'], exit: 0 },
    ...manifestCases(`region: "${REGION_ATTACK(port)}"`, 'region', ['manifest/invalid-region']),
    { name: 'deploy --dry-run: --region pointing at a host', dir: 'valid', args: ['deploy', '--dry-run', '--region', REGION_ATTACK(port)], env: { AWS_ENDPOINT_URL: undefined }, exit: 1, says: [/is not an AWS Region code/] },
    { name: 'deploy --dry-run: AWS_REGION pointing at a host', dir: 'valid', args: ['deploy', '--dry-run'], env: { AWS_ENDPOINT_URL: undefined, AWS_REGION: REGION_ATTACK(port) }, exit: 1, says: [/is not an AWS Region code/] },
    ...manifestCases('stateMachines: [', 'broken-bracket', ['parse/syntax']),
    ...manifestCases('a misspelled top-level key', 'broken-key', ['manifest/unknown-key']),
    ...manifestCases('binary garbage', 'broken-binary', ['manifest/wrong-type']),
    ...manifestCases('an entry name with bytes that are not UTF-8', 'bad-utf8', ['manifest/invalid-utf8']),
    {
      name: 'deploy --dry-run: a failing credential_process',
      dir: 'valid',
      args: ['deploy', '--dry-run'],
      env: { AWS_PROFILE: 'failing-process', AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_SESSION_TOKEN: undefined },
      exit: 1,
      says: [/credential_process of profile "failing-process" failed \(exit status 3\)/],
      never: [/leaked-process-output/, /sh -c/, /did not accept/, /Command failed/],
    },
    { name: 'deploy: a valid manifest with no entries exits 0', dir: 'empty', args: ['deploy', '--yes'], exit: 0, says: [/has no entries to deploy/] },
  ];
}

export function prepareFixtures(root: string): void {
  const dir = (name: string) => {
    const d = join(root, name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const write = (name: string, text: string | Buffer) => writeFileSync(join(root, name), text);

  mkdirSync(join(root, 'outside'));
  write('outside/secret.asl.json', SECRET_ASL);
  copyFileSync(join(FILES, 'billion-laughs.asl.yaml'), join(dir('laughs'), 'billion-laughs.asl.yaml'));
  copyFileSync(join(FILES, 'billion-laughs-manifest.yaml'), join(dir('laughs-manifest'), 'aws-workflows.yaml'));

  dir('aliases');
  // Inside a Pass state's Parameters, which take any JSON, so a file within budget is valid.
  const aliasFile = (aliases: number) => {
    const lines = ['StartAt: A', 'States:', '  A:', '    Type: Pass', '    End: true', '    Parameters:', '      anchors:'];
    for (let i = 0; i < aliases / 2; i++) lines.push(`        a${i}: &a${i} value-${i}`);
    lines.push('      uses:');
    for (let i = 0; i < aliases / 2; i++) lines.push(`        - *a${i}`);
    return `${lines.join('\n')}\n`;
  };
  write('aliases/many-aliases.asl.yaml', aliasFile(10_000)); // 5,000 anchors and 5,000 aliases
  write('aliases/too-many-aliases.asl.yaml', aliasFile(20_002)); // 10,001 aliases
  write('aliases/warm-up.asl.yaml', aliasFile(2_000));
  write('aliases/recursive.asl.yaml', 'StartAt: A\nStates:\n  A: &a {Type: Pass, End: true, Parameters: [*a]}\n');

  const N = 100_000;
  dir('deep');
  write('deep/deep-flow.asl.yaml', `StartAt: A\nStates:\n  A: {Type: Pass, End: true, Parameters: ${'['.repeat(N)}${']'.repeat(N)}}\n`);
  write('deep/deep-block.asl.yaml', `StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    Result:\n      ${'- '.repeat(N)}x\n`);
  write('deep/deep.asl.json', `{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Result": ${'['.repeat(N)}${']'.repeat(N)}}}}`);
  dir('deep-manifest');
  write('deep-manifest/aws-workflows.yaml', `activities:\n  approve:\n    tags: ${'{a: '.repeat(N)}1${'}'.repeat(N)}\n`);

  dir('huge');
  const states = Array.from({ length: 250_000 }, (_, i) => `"S${i}": {"Type": "Pass", "Next": "S${i + 1}"}`).join(',\n    ');
  write('huge/huge.asl.json', `{\n  "StartAt": "S0",\n  "States": {\n    ${states},\n    "S250000": {"Type": "Succeed"}\n  }\n}\n`);

  const valid = SECRET_ASL.replace(SECRET_MARKER, 'a valid definition');
  const pathCase = (name: string, definition: string, setup?: (d: string) => void) => {
    const d = dir(name);
    writeFileSync(join(d, 'aws-workflows.yaml'), `defaults:\n  definitionBucket: hostile-bucket\n${sm(definition)}`);
    setup?.(d);
  };
  pathCase('paths-dev-zero', '/dev/zero');
  pathCase('paths-dev-link', 'zero.asl.json', (d) => symlinkSync('/dev/zero', join(d, 'zero.asl.json')));
  pathCase('paths-fifo', 'pipe.asl.json', (d) => execFileSync('mkfifo', [join(d, 'pipe.asl.json')]));
  pathCase('paths-folder', 'statemachines', (d) => mkdirSync(join(d, 'statemachines')));
  pathCase('paths-absolute', join(root, 'outside', 'secret.asl.json'));
  pathCase('paths-dotdot', '../outside/secret.asl.json');
  pathCase('paths-link-out', 'secret.asl.json', (d) => symlinkSync(join(root, 'outside', 'secret.asl.json'), join(d, 'secret.asl.json')));
  pathCase('paths-link-dir-out', 'linked/secret.asl.json', (d) => symlinkSync(join(root, 'outside'), join(d, 'linked')));
  pathCase('paths-windows', '"C:\\\\Users\\\\me\\\\.kube\\\\config"');
  pathCase('paths-unc', '"\\\\\\\\server\\\\share\\\\secret.asl.json"');
  pathCase('paths-windows-dotdot', '"..\\\\outside\\\\secret.asl.json"');
  pathCase('paths-link-in', 'alias.asl.json', (d) => {
    writeFileSync(join(d, 'real.asl.json'), valid);
    symlinkSync('real.asl.json', join(d, 'alias.asl.json'));
  });

  dir('region');
  write('region/aws-workflows.yaml', `defaults:\n  region: "${REGION_ATTACK(0)}"\nactivities:\n  approve: {}\n`);
  dir('valid');
  write('valid/aws-workflows.yaml', 'activities:\n  approve: {}\n');
  dir('broken-bracket');
  write('broken-bracket/aws-workflows.yaml', 'stateMachines: [\n');
  dir('broken-key');
  write('broken-key/aws-workflows.yaml', `stateMachine:\n  orders:\n    definition: orders.asl.json\n    roleArn: ${ROLE}\n`);
  dir('broken-binary');
  write('broken-binary/aws-workflows.yaml', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251)));
  dir('bad-utf8');
  write('bad-utf8/aws-workflows.yaml', Buffer.concat([Buffer.from('activities:\n  caf'), Buffer.from([0xe9]), Buffer.from(': {}\n')]));
  dir('home');
  // Its command line and output must never reach the user: only the profile and the exit status.
  write('home/config', '[profile failing-process]\ncredential_process = sh -c "echo leaked-process-output; echo leaked-process-output >&2; exit 3"\nregion = us-east-1\n');
  dir('empty');
  write('empty/aws-workflows.yaml', '# nothing to deploy yet\nstateMachines: {}\n');
}

/** The region fixture names the port of the listener that must receive nothing. */
export function pointRegionFixtureAt(root: string, port: number): void {
  writeFileSync(join(root, 'region/aws-workflows.yaml'), `defaults:\n  region: "${REGION_ATTACK(port)}"\nactivities:\n  approve: {}\n`);
}

export interface CaseOutput {
  exit: number;
  stdout: string;
  stderr: string;
}

export async function runCase(c: HostileCase, root: string, baseEnv: Record<string, string>): Promise<CaseOutput> {
  const env: NodeJS.ProcessEnv = { ...baseEnv };
  for (const [k, v] of Object.entries(c.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  let stdout = '';
  let stderr = '';
  const io = { cwd: join(root, c.dir), env, stdout: { write: (s: string) => { stdout += s; } }, stderr: { write: (s: string) => { stderr += s; } } };
  // The command modules directly, not runCli's import(): tsx's ESM hooks do not reach worker threads on Node 20.
  const [name, ...rest] = c.args;
  const command = name === 'lint' ? lintCommand : deployCommand;
  const exit = await command(rest, io);
  return { exit, stdout, stderr };
}
