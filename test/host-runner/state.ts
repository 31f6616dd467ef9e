// What the in-host runner (runTests.cjs) recorded before loading the tests.

export interface ActivationRecord {
  extensionId: string;
  /** True when something (e.g. workspaceContains) had activated the extension before the runner did. */
  wasActive?: boolean;
  /** Set when the extension was missing or its activation threw. */
  error?: string;
  /** require.cache keys right after activation, before any test module was loaded. */
  modulesAfterActivation?: string[];
}

export function activationRecord(): ActivationRecord {
  const state = (globalThis as { __workflowsTestHost?: { activation: ActivationRecord } }).__workflowsTestHost;
  if (!state) throw new Error('not running under the in-host test runner (test/host-runner)');
  return state.activation;
}
