// The explorer's filter: plain text matches case-insensitively anywhere in a name; text wrapped in
// slashes (`/^prod-/i`-style, flags optional) is a regular expression. Pure, so it is unit-tested.

export interface ResourceFilter {
  /** What the user typed, shown in the node's description. */
  readonly text: string;
  matches(name: string): boolean;
}

export type FilterParseResult = { filter: ResourceFilter } | { error: string };

const REGEX_FORM = /^\/(.+)\/([a-z]*)$/s;

export function parseFilter(input: string): FilterParseResult {
  const text = input.trim();
  if (!text) return { error: 'Type some text to filter by, or /a regular expression/.' };
  const m = REGEX_FORM.exec(text);
  if (m) {
    const flags = new Set(m[2]);
    // The filter is case-insensitive like the text form unless the user gave flags of their own.
    const finalFlags = m[2] ? [...flags].filter((f) => f !== 'g' && f !== 'y').join('') : 'i';
    let re: RegExp;
    try {
      re = new RegExp(m[1], finalFlags);
    } catch (err) {
      return { error: `Not a valid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}` };
    }
    return { filter: { text, matches: (name) => re.test(name) } };
  }
  const needle = text.toLocaleLowerCase();
  return { filter: { text, matches: (name) => name.toLocaleLowerCase().includes(needle) } };
}

/** For input boxes: undefined when valid, else the sentence to show under the box. */
export function validateFilterInput(input: string): string | undefined {
  if (!input.trim()) return undefined; // empty clears the filter
  const r = parseFilter(input);
  return 'error' in r ? r.error : undefined;
}
