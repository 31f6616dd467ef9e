// Reading files a workspace names, within budgets: `definition: /dev/zero` must not fill memory and
// a FIFO must not block. Only regular files are read, at most the size cap, never following a
// path out of its folder (see contain.ts).

import * as fs from 'node:fs';
import { formatSize, parseLimits } from '../core/parse/limits';

export type BoundedRead = { ok: true; text: string } | { ok: false; reason: string };

/** What kind of thing is at a path, in words, when it is not a regular file. */
function notAFile(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'it is a symbolic link loop';
  return (err as Error)?.message ?? String(err);
}

/**
 * Reads a regular file as UTF-8, at most `maxBytes`. The file is opened non-blocking (a FIFO's open
 * would otherwise wait for a writer) and checked on the open descriptor, so it cannot be swapped
 * between the check and the read.
 */
export function readBoundedTextFileSync(file: string, maxBytes = parseLimits().maxDocumentChars): BoundedRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { ok: false, reason: describeError(err) };
  }
  try {
    const stat = fs.fstatSync(fd);
    const what = notAFile(stat);
    if (what) return { ok: false, reason: `it is ${what}, not a file` };
    if (stat.size > maxBytes) return { ok: false, reason: `it has ${formatSize(stat.size)}, more than the ${formatSize(maxBytes)} limit` };
    // Read to the end, but never past the cap: the size may change while reading.
    // A buffer of the size stat gives (one byte more, to see growth): a regular file fills it in one
    // read, with no copy; a file that grows is read on in chunks.
    const first = Buffer.allocUnsafe(Math.min(maxBytes + 1, stat.size + 1));
    const chunks: Buffer[] = [];
    let total = 0;
    let buffer = first;
    let filled = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, filled, Math.min(buffer.length - filled, maxBytes + 1 - total), null);
      if (n <= 0) break;
      filled += n;
      total += n;
      if (total > maxBytes) return { ok: false, reason: `it has more than the ${formatSize(maxBytes)} limit` };
      if (filled === buffer.length) {
        chunks.push(buffer);
        buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1 - total, 1024 * 1024));
        filled = 0;
        if (buffer.length === 0) break;
      }
    }
    if (chunks.length === 0) return { ok: true, text: first.toString('utf8', 0, filled) };
    if (filled > 0) chunks.push(buffer.subarray(0, filled));
    return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (err) {
    return { ok: false, reason: describeError(err) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The same, for async callers (the deploy engine); the work is small and bounded, so it stays sync inside. */
export async function readBoundedTextFile(file: string, maxBytes?: number): Promise<BoundedRead> {
  return readBoundedTextFileSync(file, maxBytes);
}

/** Whether a regular file is at a path (a folder, FIFO or device is not). */
export function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Reads a regular file within the cap, or throws one sentence that names the path. */
export async function readTextFileWithinLimits(file: string): Promise<string> {
  const r = readBoundedTextFileSync(file);
  if (!r.ok) throw new Error(`${file} cannot be read: ${r.reason}.`);
  return r.text;
}
