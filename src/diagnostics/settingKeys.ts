// Setting keys as constants (no vscode import, so a unit test can hold them against package.json).

export const SETTING_SECTION = 'awsWorkflows.diagnostics';
/** Keys relative to SETTING_SECTION; package.json declares each as `awsWorkflows.diagnostics.<key>`. */
export const SETTING_KEYS = {
  enable: 'enable',
  severity: 'severity',
  debounceMs: 'debounceMs',
  templates: 'templates',
  maxFileSizeMB: 'maxFileSizeMB',
} as const;
export const DIAGNOSTICS_SETTING_IDS = Object.values(SETTING_KEYS).map((k) => `${SETTING_SECTION}.${k}`);

export const DEFAULT_DEBOUNCE_MS = 150;
