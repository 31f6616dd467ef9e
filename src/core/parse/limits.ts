// Budgets for parsing files a stranger may have written: a pull request can hold a 600-byte YAML
// file whose aliases expand to billions of nodes, or a document nested deeper than the stack.
// Beyond a budget a document gets one `parse/too-complex` problem instead of a hang or a crash.

export interface ParseLimits {
  /** Characters read and parsed at most; a larger document is refused before parsing. */
  maxDocumentChars: number;
  /** Nesting of objects and arrays (after alias expansion). */
  maxDepth: number;
  /** Alias uses (`*name`) in one document. */
  maxAliases: number;
  /** Nodes of the expanded tree that come from aliases; counted without copying, so a billion-laughs file stops at once. */
  maxAliasedNodes: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxDocumentChars: 10 * 1024 * 1024, // MAX_FILE_SIZE_MB.default
  // Far beyond any definition we have seen (the corpus's deepest is under 20), far below the stack.
  maxDepth: 400,
  maxAliases: 10_000,
  maxAliasedNodes: 200_000,
};

let current: ParseLimits = DEFAULT_PARSE_LIMITS;

/** The limits in force; the editor and the CLI may raise the size cap (setting / environment). */
export function parseLimits(): ParseLimits {
  return current;
}

export function setParseLimits(changes: Partial<ParseLimits>): void {
  current = { ...current, ...changes };
}

export function resetParseLimits(): void {
  current = DEFAULT_PARSE_LIMITS;
}

/** The size cap people set (the editor's setting, the CLI's environment), in megabytes. */
export const MAX_FILE_SIZE_MB = { default: 10, min: 1, max: 200 } as const;

/** Characters for a cap given in megabytes; undefined when the value is not a number in range. */
export function maxDocumentCharsForMegabytes(megabytes: unknown): number | undefined {
  const n = typeof megabytes === 'string' && megabytes.trim() ? Number(megabytes) : megabytes;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < MAX_FILE_SIZE_MB.min || n > MAX_FILE_SIZE_MB.max) return undefined;
  return Math.round(n * 1024 * 1024);
}

export function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${Math.round((chars / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(chars / 1024)} KB`;
}

export function tooDeepMessage(maxDepth: number): string {
  return `The document nests more than ${maxDepth} levels deep here, more than any workflow needs; it is not checked further.`;
}
