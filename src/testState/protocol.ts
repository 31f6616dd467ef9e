// The TestState panel's messages: one union for each direction.

import type { MockChoice, TestStateForm } from '../core/testState/model';

/** What the panel knows about the state under test and its surroundings. */
export interface TestStateSetup {
  stateName: string;
  /** Where the state is: "ProcessItems › ChargeCard" for a nested state, its name for a top-level one. */
  statePath: string;
  /** A nested state is sent alone (its own definition, no stateName). */
  nested: boolean;
  stateType?: string;
  /** The definition, relative to the workspace. */
  definition: string;
  form: TestStateForm;
  mocks: MockChoice[];
  /** Where the mocks came from, or why there are none. */
  mockNote: string;
  /** A mock is taken only for Task, Map and Parallel states. */
  mockable: boolean;
  /** Where the role came from, or the sentence that says there is none. */
  roleNote: string;
  region: string;
}

export interface TestStateResultView {
  status?: string;
  nextState?: string;
  output?: string;
  error?: string;
  cause?: string;
  /** InspectionData at DEBUG/TRACE: member name → its text (JSON when it is). */
  inspection?: Record<string, string>;
  level: string;
}

export type ToTestStateView =
  | { type: 'setup'; setup: TestStateSetup }
  | { type: 'result'; result: TestStateResultView }
  | { type: 'error'; message: string; field?: string }
  | { type: 'notice'; message: string }
  | { type: 'busy'; busy: boolean };

export type FromTestStateView =
  | { type: 'ready'; form?: TestStateForm }
  | { type: 'run'; form: TestStateForm }
  | { type: 'save'; form: TestStateForm; name?: string }
  | { type: 'copyOutput' }
  | { type: 'reloadMocks'; form: TestStateForm };
