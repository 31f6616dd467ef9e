// Per-code severity overrides from settings, as a pure function so it is unit tested without VS Code.
// No vscode import here: the adapter converts the result.

import type { Finding, Severity } from '../core/findings';

export type SeveritySetting = 'error' | 'warning' | 'info' | 'off';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

/**
 * Overrides keyed by rule code (`sfn/name-invalid-char`) or by area (`sfn/*`); an exact code
 * wins over its area. Unknown values are ignored rather than guessed.
 */
export type SeverityOverrides = Readonly<Record<string, string>>;

export function effectiveSeverity(finding: Pick<Finding, 'code' | 'severity'>, overrides: SeverityOverrides): Severity | 'off' {
  const exact = overrides[finding.code];
  if (isSeveritySetting(exact)) return exact;
  const slash = finding.code.indexOf('/');
  if (slash > 0) {
    const area = overrides[`${finding.code.slice(0, slash)}/*`];
    if (isSeveritySetting(area)) return area;
  }
  return finding.severity;
}

/** The findings to show, each with its effective severity; findings turned `off` are dropped. */
export function applySeverityOverrides(findings: readonly Finding[], overrides: SeverityOverrides): Finding[] {
  if (Object.keys(overrides).length === 0) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const severity = effectiveSeverity(f, overrides);
    if (severity === 'off') continue;
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}

/** Setting values that are not one of the four words, so the adapter can say which ones it ignored. */
export function invalidOverrides(overrides: SeverityOverrides): string[] {
  return Object.entries(overrides).filter(([, v]) => !isSeveritySetting(v)).map(([k]) => k);
}

function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}
