// Types for the parts of aws-facts.mjs the tests use.
export declare const repoRoot: string;
export declare function referenceDir(): string;
export declare function anchor(pattern: string | undefined): string | undefined;
export declare function loadFacts(): { facts: Record<string, unknown>; sources: Record<string, { apiVersion: string; sha256: string }>; modelCommit: string; referenceDir: string };
export declare function loadExecutionFacts(): { facts: Record<string, unknown>; source: string };
