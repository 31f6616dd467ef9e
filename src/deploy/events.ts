// "Something was deployed": the explorer subscribes to refresh the affected node.
// A tiny emitter without vscode, so the CLI and tests can use it too.

import type { DeployAction, DeployKind } from './engine/types';

export interface DeployEvent {
  kind: DeployKind;
  region: string;
  name: string;
  arn?: string;
  version?: string;
  action: DeployAction;
}

type Listener = (e: DeployEvent) => void;
const listeners = new Set<Listener>();

/** Fires after each create or update (not for unchanged, failed or cancelled deploys). */
export function onDidDeploy(listener: Listener): { dispose(): void } {
  listeners.add(listener);
  return { dispose: () => { listeners.delete(listener); } };
}

export function fireDidDeploy(e: DeployEvent): void {
  for (const l of [...listeners]) {
    try {
      l(e);
    } catch {
      // A listener's failure is its own; the deploy already succeeded.
    }
  }
}
