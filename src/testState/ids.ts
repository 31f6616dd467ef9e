// Light: what package.json, the CodeLens and the serializer name, without loading the panel.

import type { TestStateForm } from '../core/testState/model';

export const TEST_STATE_COMMAND = 'awsWorkflows.testState';
export const TEST_STATE_VIEW_TYPE = 'awsWorkflows.testState';

/** What the page keeps with setState() and the serializer gets back after a reload. */
export interface TestStateViewState {
  /** The definition's URI. */
  uri: string;
  stateName: string;
  /** A nested state's path from a top-level state (its last name is stateName); absent for a top-level state. */
  statePath?: string[];
  form?: TestStateForm;
}
