// The logger every layer writes to. The extension backs it with a LogOutputChannel,
// the CLI with stderr, tests with memory. Callers never pass secrets: see redact().

export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  trace(m: string): void { this.lines.push(`trace ${m}`); }
  debug(m: string): void { this.lines.push(`debug ${m}`); }
  info(m: string): void { this.lines.push(`info ${m}`); }
  warn(m: string): void { this.lines.push(`warn ${m}`); }
  error(m: string): void { this.lines.push(`error ${m}`); }
}

/** Removes things that must never reach a log: signatures, tokens, keys, URL fragments and query strings. */
export function redact(text: string): string {
  return text
    .replace(/(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\s"']+/gi, '$1[redacted]')
    .replace(/(aws_secret_access_key|aws_session_token|SecretAccessKey|SessionToken|WebToken|CliToken|Authorization)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1$2[redacted]')
    .replace(/(https?:\/\/[^\s#"']+)#[^\s"']+/gi, '$1#[redacted]')
    // A SigV4 Authorization value quoted anywhere (e.g. in an error from a proxy).
    .replace(/(\bSignature=)[0-9a-f]{64}/gi, '$1[redacted]')
    .replace(/(x-amz-security-token)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1$2[redacted]');
}
