// Which URL a request goes to and which region it is for, resolved the way the AWS SDKs do,
// so that AWS_ENDPOINT_URL (LocalStack-style emulators, our own) reaches every client including ours.
// Only the environment and the user's AWS config files can redirect requests, never a workspace setting.

import { AWS_PARTITIONS, AWS_SERVICES, type AwsPartition, type AwsServiceKey } from './services.generated';
import type { SharedConfig } from './sharedConfig';
import { isRegionCode } from '../core/rules/arns';

export interface ResolvedEndpoint {
  url: string;
  /** True when it comes from configuration rather than AWS's own endpoint for the region. */
  overridden: boolean;
  /** Where it came from, for the log: `AWS_ENDPOINT_URL_SFN`, `profile dev endpoint_url`, `default`. */
  source: string;
}

export interface EndpointInputs {
  env: NodeJS.ProcessEnv;
  config?: SharedConfig;
  /** The profile in force (setting, else AWS_PROFILE, else default). */
  profile: string;
}

const truthy = (v: string | undefined) => v !== undefined && /^(true|1|yes)$/i.test(v.trim());

/** `AWS_ENDPOINT_URL_` + the serviceId upper-cased with spaces as underscores (SDK rule). */
export function serviceEndpointEnvName(service: AwsServiceKey): string {
  return ['AWS_ENDPOINT_URL', ...AWS_SERVICES[service].serviceId.split(' ').map((w) => w.toUpperCase())].join('_');
}

/** The key of a service inside a `[services NAME]` section: serviceId lower-cased, spaces as underscores. */
export function servicesSectionKey(service: AwsServiceKey): string {
  return AWS_SERVICES[service].serviceId.split(' ').map((w) => w.toLowerCase()).join('_');
}

/**
 * The configured endpoint, if any, with the SDK's precedence: AWS_ENDPOINT_URL_<SERVICE>,
 * AWS_ENDPOINT_URL, the profile's `services` section, the profile's `endpoint_url`. Setting
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or ignore_configured_endpoint_urls) turns all of them off.
 */
export function resolveEndpointOverride(service: AwsServiceKey, inputs: EndpointInputs): ResolvedEndpoint | undefined {
  const { env, config, profile } = inputs;
  const p = config?.profiles[profile] ?? {};
  if (truthy(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === undefined && truthy(p.ignore_configured_endpoint_urls))) {
    return undefined;
  }
  const specificVar = serviceEndpointEnvName(service);
  if (env[specificVar]) return { url: normalizeUrl(env[specificVar]!), overridden: true, source: specificVar };
  if (env.AWS_ENDPOINT_URL) return { url: normalizeUrl(env.AWS_ENDPOINT_URL), overridden: true, source: 'AWS_ENDPOINT_URL' };
  if (p.services) {
    const section = config?.sections[`services ${p.services}`];
    const url = section?.[`${servicesSectionKey(service)}.endpoint_url`];
    if (url) return { url: normalizeUrl(url), overridden: true, source: `services ${p.services} ${servicesSectionKey(service)}.endpoint_url` };
  }
  if (p.endpoint_url) return { url: normalizeUrl(p.endpoint_url), overridden: true, source: `profile ${profile} endpoint_url` };
  return undefined;
}

/** A region that is not a Region code: no client is built for it and nothing is sent. */
export class InvalidRegionError extends Error {
  readonly code = 'InvalidRegion';
  constructor(readonly region: string) {
    super(`Invalid region: ${JSON.stringify(region.slice(0, 80))} is not an AWS Region code such as eu-west-1, so no request was sent`);
    this.name = 'InvalidRegionError';
  }
}

/**
 * Refuses anything but a Region code before a client is built: the region becomes part of the
 * host name, so `x@127.0.0.1:4600/#` from a workspace would otherwise choose where a signed request goes.
 */
export function assertRegionCode(region: string): void {
  if (!isRegionCode(region)) throw new InvalidRegionError(region);
}

/** AWS's own endpoint for a service in a region. */
export function defaultEndpoint(service: AwsServiceKey, region: string): string {
  assertRegionCode(region);
  const p = partitionOf(region);
  const host = AWS_SERVICES[service].hostTemplate
    .replace('{region}', region)
    .replace('{dnsSuffix}', p.dnsSuffix)
    .replace('{dualStackDnsSuffix}', p.dualStackDnsSuffix);
  return `https://${host}`;
}

/** The partition a region belongs to (aws, aws-cn, aws-us-gov, …); unknown names fall back to aws. */
export function partitionOf(region: string): AwsPartition {
  return AWS_PARTITIONS.find((p) => p.id !== 'aws' && new RegExp(p.regionRegex).test(region)) ?? AWS_PARTITIONS.find((p) => p.id === 'aws')!;
}

export function resolveEndpoint(service: AwsServiceKey, region: string, inputs: EndpointInputs): ResolvedEndpoint {
  return resolveEndpointOverride(service, inputs) ?? { url: defaultEndpoint(service, region), overridden: false, source: 'default' };
}

function normalizeUrl(url: string): string {
  const trimmed = url.trim();
  return trimmed.replace(/\/+$/, '');
}

export interface RegionInputs {
  settingRegion?: string;
  env: NodeJS.ProcessEnv;
  config?: SharedConfig;
  profile: string;
}

export const FALLBACK_REGION = 'us-east-1';

/** Region precedence: the setting, the profile's region, AWS_REGION, AWS_DEFAULT_REGION, us-east-1. */
export function resolveRegion(inputs: RegionInputs): { region: string; source: string } {
  const setting = inputs.settingRegion?.trim();
  if (setting) return { region: setting, source: 'setting awsWorkflows.region' };
  const fromProfile = inputs.config?.profiles[inputs.profile]?.region?.trim();
  if (fromProfile) return { region: fromProfile, source: `profile ${inputs.profile}` };
  if (inputs.env.AWS_REGION?.trim()) return { region: inputs.env.AWS_REGION.trim(), source: 'AWS_REGION' };
  if (inputs.env.AWS_DEFAULT_REGION?.trim()) return { region: inputs.env.AWS_DEFAULT_REGION.trim(), source: 'AWS_DEFAULT_REGION' };
  return { region: FALLBACK_REGION, source: 'fallback' };
}
