// The AWS shared config and credentials files, read the way the AWS CLI and SDKs read them.
// Parsing is pure (tested on strings); readSharedConfigFiles() is the only part touching disk.

import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/** One section's keys. Sub-sections (`sfn =` followed by indented keys) are flattened as `sfn.endpoint_url`. */
export type IniSection = Record<string, string>;
export type IniFile = Record<string, IniSection>;

/** Parses INI text: `[section]`, `key = value`, `#`/`;` comments, indented continuation sub-keys. */
export function parseIni(text: string): IniFile {
  const out: IniFile = {};
  let section: IniSection | undefined;
  let parentKey: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^\uFEFF/, '');
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = /^\s*\[([^\]]+)\]\s*(?:[#;].*)?$/.exec(line);
    if (header) {
      const name = header[1].trim().replace(/\s+/g, ' ');
      section = out[name] ??= {};
      parentKey = undefined;
      continue;
    }
    if (!section) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) continue;
    const key = trimmed.slice(0, eq).trim().toLowerCase();
    // Inline comments need whitespace before the marker, as in the CLI.
    const value = trimmed.slice(eq + 1).replace(/\s[#;].*$/, '').trim();
    const indented = /^\s/.test(line);
    if (indented && parentKey) {
      section[`${parentKey}.${key}`] = value;
    } else {
      section[key] = value;
      parentKey = value === '' ? key : undefined;
    }
  }
  return out;
}

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

/**
 * Merges the two files the way the SDK does: in the config file profiles are `[profile x]`
 * (and `[default]`), a bare `[x]` other than default is ignored; in the credentials file every
 * section is a profile. `sso-session` and `services` sections are not profiles.
 */
export function parseSharedConfig(configText: string, credentialsText: string): SharedConfig {
  const profiles: Record<string, IniSection> = {};
  const sections: Record<string, IniSection> = {};
  const profileSources: Record<string, ('config' | 'credentials')[]> = {};
  const add = (name: string, data: IniSection, source: 'config' | 'credentials') => {
    profiles[name] = { ...profiles[name], ...data };
    const sources = (profileSources[name] ??= []);
    if (!sources.includes(source)) sources.push(source);
  };
  for (const [header, data] of Object.entries(parseIni(configText))) {
    const m = /^(profile|sso-session|services)\s+(.+)$/.exec(header);
    if (m && m[1] === 'profile') add(m[2].trim(), data, 'config');
    else if (m) sections[`${m[1]} ${m[2].trim()}`] = data;
    else if (header === 'default') add('default', data, 'config');
  }
  for (const [header, data] of Object.entries(parseIni(credentialsText))) {
    // The credentials file has no prefixes; a stray `profile x` is still profile x there.
    const name = header.replace(/^profile\s+/, '').trim();
    add(name, data, 'credentials');
  }
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
export function listProfiles(configText: string, credentialsText: string): ProfileInfo[] {
  const cfg = parseSharedConfig(configText, credentialsText);
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

export interface SharedConfigPaths {
  configFile: string;
  credentialsFile: string;
}

function expandHome(p: string, home: string): string {
  return p === '~' ? home : p.startsWith('~/') || p.startsWith('~\\') ? path.join(home, p.slice(2)) : p;
}

/** AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and ~/.aws/credentials. */
export function sharedConfigPaths(env: NodeJS.ProcessEnv): SharedConfigPaths {
  const home = env.HOME || env.USERPROFILE || (env.HOMEDRIVE && env.HOMEPATH ? `${env.HOMEDRIVE}${env.HOMEPATH}` : homedir());
  return {
    configFile: expandHome(env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config'), home),
    credentialsFile: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'), home),
  };
}

async function readIfPresent(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

export async function readSharedConfigFiles(env: NodeJS.ProcessEnv): Promise<{ configText: string; credentialsText: string; paths: SharedConfigPaths }> {
  const paths = sharedConfigPaths(env);
  const [configText, credentialsText] = await Promise.all([readIfPresent(paths.configFile), readIfPresent(paths.credentialsFile)]);
  return { configText, credentialsText, paths };
}
