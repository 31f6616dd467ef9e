// The AWS shared config and credentials files, read by the SDK's own reader
// (@smithy/shared-ini-file-loader's loadSharedConfigFiles), so the profiles, regions and endpoints
// we show and use are the ones the SDK clients in the same process see.

import { existsSync } from 'node:fs';
import { loadIni } from './lazySdk';
import { sharedConfigPaths } from './sessionSources';

/** One section's keys. Sub-sections (`sfn =` followed by indented keys) are flattened as `sfn.endpoint_url`. */
export type IniSection = Record<string, string>;
export type IniFile = Record<string, IniSection>;

export interface ProfileInfo {
  name: string;
  /** Which files define it. */
  sources: ('config' | 'credentials')[];
  region?: string;
  /** How it gets credentials, for the QuickPick detail. */
  kind: 'sso' | 'role' | 'process' | 'static' | 'web-identity' | 'other';
  ssoSession?: string;
}

export interface SharedConfig {
  /** Profiles from both files, merged; credentials-file keys win for the same name as in the SDK. */
  profiles: Record<string, IniSection>;
  /** Non-profile sections of the config file: `sso-session NAME`, `services NAME`. */
  sections: Record<string, IniSection>;
  profileSources: Record<string, ('config' | 'credentials')[]>;
}

/** Sections of the config file that are not profiles, as the SDK's reader names them (`services.local`). */
const NON_PROFILE_SECTIONS = ['sso-session', 'services'];

/**
 * Profiles and other sections from the reader's result: config-file keys are profile names,
 * `sso-session.NAME` and `services.NAME` are sections (kept as `sso-session NAME`, `services NAME`);
 * every credentials-file section is a profile, and its keys win, as in the SDK.
 */
export function toSharedConfig(configFile: IniFile, credentialsFile: IniFile): SharedConfig {
  const profiles: Record<string, IniSection> = {};
  const sections: Record<string, IniSection> = {};
  const profileSources: Record<string, ('config' | 'credentials')[]> = {};
  const add = (name: string, data: IniSection, source: 'config' | 'credentials') => {
    profiles[name] = { ...profiles[name], ...data };
    const sources = (profileSources[name] ??= []);
    if (!sources.includes(source)) sources.push(source);
  };
  const { CONFIG_PREFIX_SEPARATOR } = loadIni();
  for (const [key, data] of Object.entries(configFile)) {
    const separator = key.indexOf(CONFIG_PREFIX_SEPARATOR);
    const prefix = separator > 0 ? key.slice(0, separator) : undefined;
    if (prefix && NON_PROFILE_SECTIONS.includes(prefix)) sections[`${prefix} ${key.slice(separator + 1)}`] = data;
    else add(key, data, 'config');
  }
  for (const [name, data] of Object.entries(credentialsFile)) add(name, data, 'credentials');
  return { profiles, sections, profileSources };
}

function kindOf(p: IniSection): ProfileInfo['kind'] {
  if (p.sso_session || p.sso_start_url || p.sso_account_id) return 'sso';
  if (p.role_arn && p.web_identity_token_file) return 'web-identity';
  if (p.role_arn) return 'role';
  if (p.credential_process) return 'process';
  if (p.aws_access_key_id) return 'static';
  return 'other';
}

/** The profiles found in the config and credentials files, sorted with `default` first. */
export function listProfiles(cfg: SharedConfig): ProfileInfo[] {
  return Object.keys(cfg.profiles)
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
    .map((name) => {
      const p = cfg.profiles[name];
      return {
        name,
        sources: cfg.profileSources[name],
        region: p.region || undefined,
        kind: kindOf(p),
        ssoSession: p.sso_session || undefined,
      };
    });
}

export { sharedConfigPaths, type SharedConfigPaths } from './sessionSources';

/** Both files, read fresh (a profile may have been added since the last read); missing files are empty. */
export async function readSharedConfig(env: NodeJS.ProcessEnv): Promise<SharedConfig> {
  const paths = sharedConfigPaths(env);
  // Neither file: nothing to read, and no reason to load the reader (a CI runner's `lint` has none).
  if (!existsSync(paths.configFile) && !existsSync(paths.credentialsFile)) return { profiles: {}, sections: {}, profileSources: {} };
  const { configFile, credentialsFile } = await loadIni().loadSharedConfigFiles({ configFilepath: paths.configFile, filepath: paths.credentialsFile, ignoreCache: true });
  return toSharedConfig(configFile as IniFile, credentialsFile as IniFile);
}
