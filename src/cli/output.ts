// Standard output and error for the CLI's commands, written with fs.writeSync. process.stdout and
// process.stderr load Node's stream stack on first touch (stream, net or tty, diagnostics_channel):
// several milliseconds of a `lint` that prints one line (scripts/bench/cli.mjs). The language server
// talks over process.stdin/stdout itself (lsp.ts).

import { writeSync } from 'node:fs';

interface Output {
  write(text: string): boolean;
}

// What a full pipe waits on between tries: a millisecond's sleep, not a busy loop.
const pause = new Int32Array(new SharedArrayBuffer(4));

export function fdOutput(fd: number): Output {
  let closed = false;
  return {
    write(text: string): boolean {
      if (closed) return false;
      let rest = Buffer.from(text, 'utf8');
      while (rest.length > 0) {
        try {
          rest = rest.subarray(writeSync(fd, rest));
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          // A non-blocking pipe that is full: try again. A reader that went away (`| head`): stop writing, as a stream would.
          if (code === 'EAGAIN') {
            Atomics.wait(pause, 0, 0, 1);
            continue;
          }
          if (code === 'EPIPE') {
            closed = true;
            return false;
          }
          throw e;
        }
      }
      return true;
    },
  };
}
