// `credential_process` run by us rather than the SDK's provider, which puts the command line and
// its stderr into the error message and loses the exit status. Here the message names the profile
// and the exit status only; the output goes to the log at debug level.

import type { exec as Exec } from 'node:child_process';
import type { Logger } from '../core/log';
import type { AwsCredentials } from './credentials';
import { AwsCredentialsError } from './errors';

/** Long enough for a process that asks for an MFA code or opens a browser. */
const PROCESS_TIMEOUT_MS = 2 * 60 * 1000;
const MAX_OUTPUT_BYTES = 1024 * 1024;

function failure(profile: string, why: string): AwsCredentialsError {
  return new AwsCredentialsError(`The credential_process of profile "${profile}" ${why}. Run it in a terminal to see why; its output is in the log at debug level.`, { kind: 'credentials-process', profile });
}

export function runCredentialProcess(profile: string, command: string, env: NodeJS.ProcessEnv, logger: Logger): Promise<AwsCredentials> {
  return new Promise((resolve, reject) => {
    // Required here: node:child_process (and net, stream) costs every CLI run that resolves no credentials.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { exec } = require('node:child_process') as { exec: typeof Exec };
    exec(command, { env, timeout: PROCESS_TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const e = err as { code?: number | string; signal?: string; killed?: boolean };
        logger.debug(`credential_process of profile ${profile} failed: exit ${String(e.code ?? '?')}${e.signal ? `, signal ${e.signal}` : ''}; stderr: ${stderr.trim()}; stdout: ${stdout.length} bytes`);
        if (e.killed && e.signal === 'SIGTERM') return reject(failure(profile, `did not finish within ${PROCESS_TIMEOUT_MS / 1000} s`));
        if (typeof e.code === 'number') return reject(failure(profile, `failed (exit status ${e.code})`));
        if (e.signal) return reject(failure(profile, `was stopped by signal ${e.signal}`));
        return reject(failure(profile, `could not be started (${typeof e.code === 'string' ? e.code : 'unknown error'})`));
      }
      if (stderr.trim()) logger.debug(`credential_process of profile ${profile} wrote to stderr: ${stderr.trim()}`);
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(stdout) as Record<string, unknown>;
      } catch {
        return reject(failure(profile, 'printed something that is not JSON'));
      }
      if (data.Version !== 1) return reject(failure(profile, `printed Version ${JSON.stringify(data.Version)}; only Version 1 is supported`));
      if (typeof data.AccessKeyId !== 'string' || typeof data.SecretAccessKey !== 'string') return reject(failure(profile, 'printed JSON without AccessKeyId and SecretAccessKey'));
      const expiration = typeof data.Expiration === 'string' ? new Date(data.Expiration) : undefined;
      if (expiration && Number.isNaN(expiration.getTime())) return reject(failure(profile, 'printed an Expiration that is not a date'));
      resolve({
        accessKeyId: data.AccessKeyId,
        secretAccessKey: data.SecretAccessKey,
        ...(typeof data.SessionToken === 'string' ? { sessionToken: data.SessionToken } : {}),
        ...(expiration ? { expiration } : {}),
        ...(typeof data.AccountId === 'string' ? { accountId: data.AccountId } : {}),
      });
    });
  });
}
