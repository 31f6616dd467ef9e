// The setup most suites share: the emulator back on the demo seed, user settings written before the
// workbench opens (so the extension starts with them), one workbench for the suite, settings restored after.
import type { Page } from 'playwright-core';
import { resetEmulator } from './environment';
import { updateUserSettings } from './settings';
import { openWorkbench } from './workbench';

/**
 * Registers the suite's before/after hooks and hands the opened workbench to `use`. With
 * `resetAfter`, later suites see the demo seed again (for suites that create resources).
 */
export function withSeededWorkbench(settings: Record<string, unknown>, use: (page: Page) => void, options: { resetAfter?: boolean } = {}): void {
  let restoreSettings: (() => void) | undefined;
  before(async () => {
    await resetEmulator();
    restoreSettings = updateUserSettings(settings);
    use(await openWorkbench());
  });
  after(async () => {
    restoreSettings?.();
    if (options.resetAfter) await resetEmulator();
  });
}
