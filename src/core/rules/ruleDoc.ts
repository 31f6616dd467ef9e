// Rule documentation (contract 5): every code a rule can emit has one of these. README's rule
// table is generated from them (scripts/generate-rule-docs.mjs) and hovers can show them.

export interface RuleDoc {
  /** Stable code, `area/what`, e.g. `sfn/name-invalid-char`. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /**
   * Where the fact comes from: a model pattern, a documentation page, the ASL spec, a service error
   * code. Required for errors (a test enforces it): what cannot be sourced is a warning at most.
   */
  source?: string;
  /** One line: what the rule catches. */
  summary: string;
  /** One example that triggers it (YAML or JSON as the user would write it). */
  example: string;
}
