export { e2e, resetEmulator, resultsDir, type E2eEnvironment } from './environment';
export { editUserSettingsJson, updateUserSettings } from './settings';
export { withSeededWorkbench } from './suite';
export {
  openWorkbench,
  copyExamples,
  runCommand,
  quickOpen,
  waitForNotification,
  openView,
  resourcesView,
  resourceRow,
  expandResource,
  widenSideBar,
  expectEventually,
  webviewFrame,
  saveScreenshot,
  screenshotOnFailure,
  WORKBENCH_TIMEOUT_MS,
  UI_TIMEOUT_MS,
} from './workbench';
