export { e2e, resultsDir, type E2eEnvironment } from './environment';
export { openWorkbench, runCommand, waitForNotification, openView, expectEventually, screenshotOnFailure, WORKBENCH_TIMEOUT_MS, UI_TIMEOUT_MS } from './workbench';
