// One AwsSession per extension (and per CLI run): which profile, which region, which endpoint,
// and a cached client per service and region. SDK modules are required on first use only.

import type { SFNClient } from '@aws-sdk/client-sfn';
import type { ImagebuilderClient } from '@aws-sdk/client-imagebuilder';
import type { S3Client } from '@aws-sdk/client-s3';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Logger } from '../core/log';
import { lazy } from '../core/lazy';
import type { AwsCredentials, CredentialSource } from './credentials';
import type { AwsCallInfo } from './errors';
import type { ResolvedEndpoint } from './endpoints';
import type { MwaaClient } from './mwaa';
import type { MwaaServerlessClient } from './mwaaServerless';
import type { SignedClientOptions } from './signedClient';
import { loadImagebuilder, loadLogs, loadS3, loadSfn, loadSmithy, type ImagebuilderSdk, type LogsSdk, type S3Sdk, type SfnSdk } from './lazySdk';
import type { RetryOptions } from './retry';
import { requestTimeouts, type RequestTimeouts } from './cancellation';
import type { AwsServiceKey } from './services.generated';
import type { ProfileInfo, SharedConfig } from './sharedConfig';
import { credentialSourceLabel, sharedConfigPaths } from './sessionSources';

// Credentials, the INI reader, endpoint tables and error texts load with the first call that needs them.
const parts = lazy(() => import('./sessionParts'));
type SessionParts = Awaited<ReturnType<typeof parts.get>>;

export interface SessionSettings {
  profile?: string;
  region?: string;
  /** Per request (awsWorkflows.requestTimeoutSeconds, --request-timeout); uploads get longer. */
  requestTimeoutSeconds?: number;
}

export interface AwsSessionOptions {
  logger: Logger;
  /** Defaults to process.env; read for AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL*, config file paths, keys. */
  env?: NodeJS.ProcessEnv;
  settings?: () => SessionSettings;
  /** Retry numbers for all clients; tests shorten the backoff. */
  retry?: Partial<RetryOptions>;
}

export interface SdkClientHandle<C, S> {
  client: C;
  sdk: S;
  region: string;
}

const SDK_LOADERS = { states: loadSfn, imagebuilder: loadImagebuilder, s3: loadS3, logs: loadLogs };

interface Destroyable {
  destroy(): void;
}

export class AwsSession {
  private readonly logger: Logger;
  private readonly env: NodeJS.ProcessEnv;
  private readonly settings: () => SessionSettings;
  private readonly retryOverrides: Partial<RetryOptions>;
  private readonly listeners = new Set<() => void>();
  private readonly clients = new Map<string, Promise<{ client: Destroyable; sdk?: unknown; region: string }>>();
  private credentialSource?: Promise<CredentialSource>;
  private configCache?: Promise<SharedConfig>;
  private lastSettings: SessionSettings;

  constructor(options: AwsSessionOptions) {
    this.logger = options.logger;
    this.env = options.env ?? process.env;
    this.settings = options.settings ?? (() => ({}));
    this.retryOverrides = options.retry ?? {};
    this.lastSettings = this.readSettings();
  }

  /** The profile in force: the chosen one, else AWS_PROFILE; undefined means the default chain. */
  getProfileName(): string | undefined {
    return this.readSettings().profile || this.env.AWS_PROFILE || undefined;
  }

  /** Where credentials come from, in words (`profile dev`, `environment variables`, …). */
  describeCredentialSource(): string {
    return credentialSourceLabel(this.readSettings().profile, this.env);
  }

  async getRegion(): Promise<string> {
    return (await this.resolveRegionWithSource()).region;
  }

  async resolveRegionWithSource(): Promise<{ region: string; source: string }> {
    const config = await this.getSharedConfig();
    const { resolveRegion } = await parts.get();
    return resolveRegion({ settingRegion: this.readSettings().region, env: this.env, config, profile: this.effectiveProfile() });
  }

  /** The URL requests for a service go to, for clients and for messages ("could not reach …"). */
  async getEndpoint(service: AwsServiceKey, region?: string): Promise<ResolvedEndpoint> {
    const r = region ?? (await this.getRegion());
    const { resolveEndpoint } = await parts.get();
    return resolveEndpoint(service, r, { env: this.env, config: await this.getSharedConfig(), profile: this.effectiveProfile() });
  }

  /** Profiles in the user's config and credentials files (for the profile picker). */
  async listProfiles(): Promise<ProfileInfo[]> {
    const { listProfiles, readSharedConfig } = await parts.get();
    return listProfiles(await readSharedConfig(this.env));
  }

  /** Resolved lazily and cached until they expire. */
  async getCredentials(): Promise<AwsCredentials> {
    return (await this.getCredentialSource()).get();
  }

  /** The account of the current credentials when the provider reports it (SSO and newer providers do). */
  async getAccountId(): Promise<string | undefined> {
    try {
      return (await this.getCredentials()).accountId;
    } catch {
      return undefined;
    }
  }

  /** The shared config and credentials files this session reads (for file watchers). */
  sharedConfigFiles(): { configFile: string; credentialsFile: string } {
    return sharedConfigPaths(this.env);
  }

  sfn(region?: string): Promise<SdkClientHandle<SFNClient, SfnSdk>> {
    // StartSyncExecution and TestState go to a `sync-` host prefix, which breaks any endpoint override.
    return this.sdkClient('states', region, (sdk: SfnSdk, config, endpoint) =>
      new sdk.SFNClient({ ...config, ...(endpoint.overridden ? { disableHostPrefix: true } : {}) }),
    );
  }

  imagebuilder(region?: string): Promise<SdkClientHandle<ImagebuilderClient, ImagebuilderSdk>> {
    return this.sdkClient('imagebuilder', region, (sdk: ImagebuilderSdk, config) => new sdk.ImagebuilderClient(config));
  }

  s3(region?: string): Promise<SdkClientHandle<S3Client, S3Sdk>> {
    // Local S3-compatible endpoints have no per-bucket DNS names.
    return this.sdkClient('s3', region, (sdk: S3Sdk, config, endpoint) => new sdk.S3Client({ ...config, ...(endpoint.overridden ? { forcePathStyle: true } : {}) }));
  }

  /** CloudWatch Logs: MWAA Serverless task logs. */
  logs(region?: string): Promise<SdkClientHandle<CloudWatchLogsClient, LogsSdk>> {
    return this.sdkClient('logs', region, (sdk: LogsSdk, config) => new sdk.CloudWatchLogsClient(config));
  }

  mwaaServerless(region?: string): Promise<{ client: MwaaServerlessClient; region: string }> {
    return this.cachedClient('airflow-serverless', region, async (r, endpoint) => {
      // Our generated clients (src/aws/*.generated.ts) load on first use, like the SDK's.
      const { MwaaServerlessClient } = await import('./mwaaServerless');
      return { client: new MwaaServerlessClient(await this.signedClientOptions(r, endpoint)), region: r };
    });
  }

  /** Amazon MWAA, every operation we call (ours, generated from the model; the registry's SDK predates InvokeRestApi). */
  mwaa(region?: string): Promise<{ client: MwaaClient; region: string }> {
    return this.cachedClient('airflow', region, async (r, endpoint) => {
      const { MwaaClient } = await import('./mwaa');
      return { client: new MwaaClient(await this.signedClientOptions(r, endpoint)), region: r };
    });
  }

  /** Options every client of ours (SignedTransport) is built with. */
  private async signedClientOptions(region: string, endpoint: ResolvedEndpoint): Promise<SignedClientOptions> {
    return {
      region,
      endpoint: endpoint.url,
      endpointOverridden: endpoint.overridden,
      credentials: () => this.getCredentials(),
      retry: await this.retryOptions(),
      logger: this.logger,
      requestTimeoutMs: this.timeouts().requestMs,
    };
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Called when the profile/region settings or the AWS config files may have changed:
   * drops cached config, credentials and clients, and tells listeners if anything differs.
   */
  refresh(options: { force?: boolean } = {}): void {
    const next = this.readSettings();
    const changed = options.force || next.profile !== this.lastSettings.profile || next.region !== this.lastSettings.region || next.requestTimeoutSeconds !== this.lastSettings.requestTimeoutSeconds;
    this.lastSettings = next;
    this.configCache = undefined;
    if (!changed) return;
    this.reset();
    this.logger.info(`AWS session: ${this.describeCredentialSource()}${next.region ? `, region ${next.region}` : ''}`);
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch (err) {
        this.logger.error(`AWS session change listener failed: ${(err as Error)?.message ?? String(err)}`);
      }
    }
  }

  /**
   * Forget cached credentials, e.g. after the user ran `aws sso login`. Clients are dropped too,
   * because the SDK clients keep their own copy of non-expiring credentials.
   */
  invalidateCredentials(): void {
    this.reset();
  }

  dispose(): void {
    this.reset();
    this.listeners.clear();
  }

  private reset(): void {
    const old = [...this.clients.values()];
    this.clients.clear();
    this.credentialSource = undefined;
    for (const p of old) p.then((h) => h.client.destroy(), () => undefined);
  }

  private readSettings(): SessionSettings {
    const s = this.settings();
    return { profile: s.profile?.trim() || undefined, region: s.region?.trim() || undefined, requestTimeoutSeconds: s.requestTimeoutSeconds };
  }

  private timeouts(): RequestTimeouts {
    return requestTimeouts(this.readSettings().requestTimeoutSeconds);
  }

  private async retryOptions(): Promise<RetryOptions> {
    return { ...(await parts.get()).DEFAULT_RETRY, ...this.retryOverrides };
  }

  private effectiveProfile(): string {
    return this.getProfileName() ?? 'default';
  }

  private getSharedConfig(): Promise<SharedConfig> {
    this.configCache ??= parts.get().then(({ readSharedConfig }) => readSharedConfig(this.env));
    return this.configCache;
  }

  private getCredentialSource(): Promise<CredentialSource> {
    const profile = this.readSettings().profile;
    this.credentialSource ??= parts.get().then(({ CredentialSource }) => new CredentialSource({ profile, env: this.env, logger: this.logger }));
    return this.credentialSource;
  }

  private cachedClient<H extends { client: Destroyable; region: string }>(
    service: AwsServiceKey,
    region: string | undefined,
    create: (region: string, endpoint: ResolvedEndpoint) => Promise<H>,
  ): Promise<H> {
    const build = async (): Promise<H> => {
      const r = region ?? (await this.getRegion());
      (await parts.get()).assertRegionCode(r);
      const key = `${service}@${r}`;
      let entry = this.clients.get(key) as Promise<H> | undefined;
      if (!entry) {
        entry = (async () => {
          const endpoint = await this.getEndpoint(service, r);
          this.logger.debug(`${service} client for ${r}: ${endpoint.url} (${endpoint.source})`);
          return create(r, endpoint);
        })();
        this.clients.set(key, entry);
        entry.catch(() => this.clients.delete(key));
      }
      return entry;
    };
    return build();
  }

  private sdkClient<C extends Destroyable & SdkClientLike, S>(
    service: keyof typeof SDK_LOADERS,
    region: string | undefined,
    construct: (sdk: S, config: Record<string, unknown>, endpoint: ResolvedEndpoint) => C,
  ): Promise<SdkClientHandle<C, S>> {
    return this.cachedClient(service, region, async (r, endpoint) => {
      const started = Date.now();
      const loaded = await parts.get();
      const retry = await this.retryOptions();
      const sdk = SDK_LOADERS[service]() as S;
      const config: Record<string, unknown> = {
        region: r,
        credentials: () => this.getCredentials(),
        maxAttempts: retry.maxAttempts,
        ...(endpoint.overridden ? { endpoint: endpoint.url } : {}),
        // Connection and request timeouts (retried as the SDK retries), and the abort of a cancelled operation.
        requestHandler: new loaded.CancellableRequestHandler(this.timeouts(), service === 's3'),
      };
      const baseDelayMs = retry.baseDelayMs;
      if (baseDelayMs !== undefined) {
        // Only tests shorten the backoff; everyone else gets the SDK's standard strategy.
        config.retryStrategy = new (loadSmithy().ConfiguredRetryStrategy)(retry.maxAttempts, (attempt: number) => Math.min(20_000, baseDelayMs * 2 ** attempt));
      }
      const client = construct(sdk, config, endpoint);
      this.instrument(client, service, r, endpoint, loaded);
      this.logger.debug(`loaded ${service} SDK client in ${Date.now() - started} ms`);
      return { client, sdk, region: r };
    });
  }

  /** Logs one line per call and records on errors which call and endpoint they came from. */
  private instrument(client: SdkClientLike, service: AwsServiceKey, region: string, endpoint: ResolvedEndpoint, { AWS_CALL_INFO, describeAwsErrorDetail, markRetryableThrottling }: SessionParts): void {
    const logger = this.logger;
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<{ output?: { $metadata?: { attempts?: number; httpStatusCode?: number } } }>, context: { commandName?: string }) =>
        async (args: unknown) => {
          const operation = (context.commandName ?? 'request').replace(/Command$/, '');
          const started = Date.now();
          try {
            const result = await next(args);
            const meta = result.output?.$metadata;
            logger.debug(`${service} ${operation} ${region} -> ${meta?.httpStatusCode ?? '?'} (${meta?.attempts ?? 1} attempt(s), ${Date.now() - started} ms)`);
            return result;
          } catch (err) {
            if (err && typeof err === 'object') {
              const info: AwsCallInfo = { service, operation, region, endpoint: endpoint.url, overridden: endpoint.overridden };
              Object.defineProperty(err, AWS_CALL_INFO, { value: info, enumerable: false, configurable: true });
            }
            logger.warn(`${service} ${operation} ${region} failed after ${Date.now() - started} ms: ${describeAwsErrorDetail(err)}`);
            throw err;
          }
        },
      { step: 'initialize', name: 'awsWorkflowsCallInfo', override: true },
    );
    // Inside the retry middleware (finalizeRequest), around the deserializer: throttling the SDK
    // does not know by name (KmsThrottlingException) is marked so its retry strategy retries it.
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
        try {
          return await next(args);
        } catch (err) {
          markRetryableThrottling(err);
          throw err;
        }
      },
      { step: 'deserialize', name: 'awsWorkflowsThrottlingNames', priority: 'high', override: true },
    );
  }
}

interface SdkClientLike {
  middlewareStack: {
    // Loosely typed on purpose: the SDK packages here come in different @smithy versions.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    add(middleware: any, options: { step: 'initialize'; name: string; override?: boolean }): void;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    add(middleware: any, options: { step: 'deserialize'; name: string; priority: 'high'; override?: boolean }): void;
  };
}
