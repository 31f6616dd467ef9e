// The AWS settings every CLI command takes, and the session they make: `lint` and `deploy` resolve
// the region the same way (--region, the profile's region, AWS_REGION, AWS_DEFAULT_REGION,
// us-east-1), so a local check gives the same findings in both.

import type { Logger } from '../core/log';
import type { AwsSession } from '../aws/session';
import type { CliIo, Flags } from './command';

export const AWS_FLAGS = {
  region: { type: 'string', value: 'R', help: 'Region for entries and defaults that set none' },
  profile: { type: 'string', value: 'P', help: 'AWS profile (default: AWS_PROFILE, then the default chain)' },
} satisfies Flags;

/**
 * The region `lint` and `lsp` compare against, resolved as a session resolves it (--region, the
 * profile's region, AWS_REGION, AWS_DEFAULT_REGION, us-east-1) without loading the session and its
 * credential providers: neither command makes an AWS call.
 */
export async function cliRegion(io: Pick<CliIo, 'env'>, flags: { region?: string; profile?: string }): Promise<string> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { readSharedConfig } = require('../aws/sharedConfig') as typeof import('../aws/sharedConfig');
  const { resolveRegion } = require('../aws/endpoints') as typeof import('../aws/endpoints');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const profile = flags.profile || io.env.AWS_PROFILE || 'default';
  return resolveRegion({ settingRegion: flags.region, env: io.env, config: await readSharedConfig(io.env), profile }).region;
}

export function cliSession(io: CliIo, flags: { region?: string; profile?: string; requestTimeoutSeconds?: number }, logger: Logger): AwsSession {
  // Loaded here, not at the top, so `--help` and usage errors load no AWS code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AwsSession } = require('../aws/session') as typeof import('../aws/session');
  return new AwsSession({ logger, env: io.env, settings: () => ({ profile: flags.profile, region: flags.region, requestTimeoutSeconds: flags.requestTimeoutSeconds }) });
}
