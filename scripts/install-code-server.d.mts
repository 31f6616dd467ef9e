export const CODE_SERVER_VERSION: string;
export function cacheRoot(env?: NodeJS.ProcessEnv): string;
export function installDir(env?: NodeJS.ProcessEnv): string;
export function missingSystemPackages(): string[];
export function aptGetLine(packages: string[]): string;
export function ensureSystemPackages(log?: (message: string) => void): void;
export function verifyInstall(dir: string): string[];
export function ensureCodeServer(options?: { log?: (message: string) => void }): { dir: string; entry: string; vscodeDir: string };
