// The deploy engine: used by the CLI (`aws-workflows deploy`) and the VS Code adapter. No vscode import.
export * from './types';
export { deployTarget, deployAll, localFindings, formatFinding, formatResultLine } from './deploy';
export { loadManifest, targetsOf, targetOf, entriesForFile, findManifestUpwards, findingsForEntry, type LoadedManifest } from './targets';
export { nextPatchVersion, sortVersionsDescending, parseSemver } from './versions';
export { validateStateMachineWithService, placeServiceDiagnostics } from './serviceValidation';
export { addManifestEntry, type NewManifestEntry } from './manifestEdit';
export { checkEntryField } from './wizardChecks';
export { sameJson, toStateMachineJson } from './definition';
export { entryRegionOf } from './targets';
export { updateDetail, updateMessage, RUNNING_EXECUTIONS_NOTE } from './updateText';
