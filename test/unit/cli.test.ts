import assert from 'node:assert/strict';
import { runCli, type CliIo } from '../../src/cli/main';

function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd: process.cwd(), env: {}, stdout: { write: (s: string) => { io.out += s; } }, stderr: { write: (s: string) => { io.err += s; } } };
  return io;
}

describe('CLI', () => {
  it('prints help with --help and exits 0', async () => {
    const io = capture();
    assert.equal(await runCli(['--help'], io), 0);
    assert.match(io.out, /Usage: aws-workflows <command>/);
  });

  it('exits 2 with help when no command is given', async () => {
    const io = capture();
    assert.equal(await runCli([], io), 2);
    assert.match(io.out, /Commands:/);
  });

  it('exits 2 naming an unknown command', async () => {
    const io = capture();
    assert.equal(await runCli(['frobnicate'], io), 2);
    assert.match(io.err, /unknown command 'frobnicate'/);
  });

  it('prints a version', async () => {
    const io = capture();
    assert.equal(await runCli(['--version'], io), 0);
    assert.match(io.out, /^\S+\n$/);
  });
});
