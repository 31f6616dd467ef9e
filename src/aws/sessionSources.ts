// Where the session's credentials and config files come from, in words and paths, without reading
// anything: the status bar and the file watchers need these at activation, before the session's
// heavy parts (credential providers, the INI reader, endpoint tables) have loaded.

import { homedir } from 'node:os';
import path from 'node:path';

/** Describes where credentials come from, for the log and the status bar tooltip. */
export function credentialSourceLabel(profile: string | undefined, env: NodeJS.ProcessEnv): string {
  if (profile) return `profile ${profile}`;
  if (env.AWS_PROFILE) return `profile ${env.AWS_PROFILE} (AWS_PROFILE)`;
  if (env.AWS_ACCESS_KEY_ID) return 'environment variables';
  return 'default credential chain';
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

