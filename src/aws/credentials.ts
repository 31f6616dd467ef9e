// Credentials the way the AWS CLI finds them, resolved on first use and cached until they expire.
// The provider code (@aws-sdk/credential-providers) is required only when credentials are first needed.

import type { Logger } from '../core/log';
import { AwsCredentialsError } from './errors';
import { loadCredentialProviders, type CredentialsSdk } from './lazySdk';
import { readSharedConfig, sharedConfigPaths } from './sharedConfig';
import { runCredentialProcess } from './credentialProcess';
import { credentialSourceLabel } from './sessionSources';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  accountId?: string;
}


/** Refresh this long before the expiry the provider reported, so a request never carries stale keys. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export interface CredentialSourceOptions {
  /** A profile chosen in the settings; undefined means the default chain (which honours AWS_PROFILE). */
  profile?: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** For tests: replaces the SDK's providers. */
  loadProviders?: () => CredentialsSdk;
}

export class CredentialSource {
  private cached?: AwsCredentials;
  private inFlight?: Promise<AwsCredentials>;
  private provider?: () => Promise<AwsCredentials>;

  constructor(private readonly options: CredentialSourceOptions) {}

  /** The profile whose credentials are used, when one is (setting, else AWS_PROFILE). */
  get profileName(): string | undefined {
    return this.options.profile || this.options.env.AWS_PROFILE || undefined;
  }

  /** Cached credentials, refreshed when (nearly) expired; concurrent callers share one resolution. */
  get(): Promise<AwsCredentials> {
    if (this.cached && !isExpiring(this.cached)) return Promise.resolve(this.cached);
    this.inFlight ??= this.resolve().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Forget cached credentials (after `aws sso login`, or when a call said they expired). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async resolve(): Promise<AwsCredentials> {
    const { logger, env } = this.options;
    const label = credentialSourceLabel(this.options.profile, env);
    const started = Date.now();
    try {
      const creds = await this.getProvider()();
      if (!creds?.accessKeyId || !creds.secretAccessKey) throw new Error('the credential provider returned no access key');
      this.cached = creds;
      logger.debug(`credentials resolved from ${label} in ${Date.now() - started} ms${creds.expiration ? `, valid until ${creds.expiration.toISOString()}` : ''}`);
      return creds;
    } catch (err) {
      const wrapped = toCredentialsError(err, this.profileName);
      // The provider's own text may hold a credential_process command line and its output: debug only.
      logger.debug(`credentials from ${label} failed: ${(err as Error)?.message ?? String(err)}`);
      logger.warn(`credentials from ${label} failed: ${wrapped.message}`);
      throw wrapped;
    }
  }

  private getProvider(): () => Promise<AwsCredentials> {
    if (this.provider) return this.provider;
    const { env, profile } = this.options;
    // Environment keys come first in the default chain; read them from our env (tests pass their own).
    if (!profile && !env.AWS_PROFILE && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
      const creds: AwsCredentials = {
        accessKeyId: env.AWS_ACCESS_KEY_ID,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
        ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
        ...(env.AWS_CREDENTIAL_EXPIRATION ? { expiration: new Date(env.AWS_CREDENTIAL_EXPIRATION) } : {}),
      };
      this.provider = async () => creds;
      return this.provider;
    }
    const sdk = this.options.loadProviders?.() ?? loadCredentialProviders();
    const paths = sharedConfigPaths(env);
    const files = { filepath: paths.credentialsFile, configFilepath: paths.configFile };
    // A chosen profile means exactly that profile (static keys, SSO, role, process), never a silent
    // fall back to instance roles; otherwise the SDK's whole default chain.
    const sdkProvider = profile
      ? sdk.fromIni({ profile, ...files, ignoreCache: true })
      : sdk.fromNodeProviderChain({ ...(env.AWS_PROFILE ? { profile: env.AWS_PROFILE } : {}), ...files, ignoreCache: true });
    const name = profile || env.AWS_PROFILE || 'default';
    this.provider = async () => {
      // A profile whose credentials come from its own credential_process runs it here (see credentialProcess.ts).
      const p = (await readSharedConfig(env)).profiles[name];
      if (p?.credential_process && !p.aws_access_key_id && !p.role_arn && !p.sso_session && !p.sso_start_url && !p.web_identity_token_file) {
        return runCredentialProcess(name, p.credential_process, env, this.options.logger);
      }
      return sdkProvider();
    };
    return this.provider;
  }
}

function isExpiring(creds: AwsCredentials): boolean {
  return !!creds.expiration && creds.expiration.getTime() - Date.now() < EXPIRY_MARGIN_MS;
}

/** Maps the providers' errors to the three situations a user can fix differently. */
export function toCredentialsError(err: unknown, profile: string | undefined): AwsCredentialsError {
  if (err instanceof AwsCredentialsError) return err;
  const message = (err as Error)?.message ?? String(err);
  if (/^Command failed:/.test(message)) {
    // The SDK's credential_process provider (a profile chained to one): its text holds the command and its output.
    return new AwsCredentialsError(`The credential_process for profile "${profile ?? 'default'}" failed. Run it in a terminal to see why; its output is in the log at debug level.`, { kind: 'credentials-process', profile });
  }
  if (/aws sso login|sso session|sso token|token is expired/i.test(message)) {
    return new AwsCredentialsError(`The AWS SSO session${profile ? ` for profile "${profile}"` : ''} has expired or is not signed in. Run \`aws sso login${profile ? ` --profile ${profile}` : ''}\`.`, { kind: 'sso-expired', profile, cause: err });
  }
  if (/expired/i.test(message)) {
    return new AwsCredentialsError(`The AWS credentials${profile ? ` of profile "${profile}"` : ''} have expired.`, { kind: 'credentials-expired', profile, cause: err });
  }
  if (/Could not load credentials|Could not resolve credentials|Unable to locate credentials|could not be found|not found or is invalid|no access key|Profile .* not found/i.test(message)) {
    return new AwsCredentialsError(`No AWS credentials were found${profile ? ` for profile "${profile}"` : ''}.`, { kind: 'credentials-missing', profile, cause: err });
  }
  return new AwsCredentialsError(`Could not get AWS credentials${profile ? ` for profile "${profile}"` : ''}: ${message}`, { kind: 'credentials-invalid', profile, cause: err });
}
