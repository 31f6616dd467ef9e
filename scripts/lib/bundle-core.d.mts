export const repoRoot: string;
export function bundleCore(name: string, exportsSource: string): Promise<Record<string, unknown>>;
