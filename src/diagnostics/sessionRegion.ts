// The active region for lint, taken from the AwsSession without costing activation anything:
// nothing is read until the first lint asks, and the answer arrives later (getRegion reads
// ~/.aws/config, no SDK code). Until then lint runs without it, so the region checks wait.

import type { Logger } from '../core/log';

/** What this needs of AwsSession (src/aws/session.ts). */
export interface RegionSource {
  getRegion(): Promise<string>;
  onDidChange(listener: () => void): { dispose(): void };
}

export class SessionRegion {
  private value: string | undefined;
  private asked = false;
  private generation = 0;
  private readonly subscription: { dispose(): void };

  /** `onDidResolve` runs when the region first arrives or changes, so open documents are linted again. */
  constructor(private readonly source: RegionSource, private readonly onDidResolve: () => void, private readonly logger: Logger) {
    // Profile, region setting or config files changed: ask again, but only once lint has wanted it.
    this.subscription = source.onDidChange(() => {
      if (this.asked) this.resolve();
    });
  }

  /** The region as last resolved; the first call starts resolving it and returns undefined. */
  current(): string | undefined {
    if (!this.asked) {
      this.asked = true;
      this.resolve();
    }
    return this.value;
  }

  dispose(): void {
    this.generation++;
    this.subscription.dispose();
  }

  private resolve(): void {
    const generation = ++this.generation;
    this.source.getRegion().then(
      (region) => {
        // A newer change superseded this answer.
        if (generation !== this.generation || region === this.value) return;
        this.value = region;
        this.onDidResolve();
      },
      (err: unknown) => {
        if (generation === this.generation) this.logger.warn(`Region checks in diagnostics are off: the active region could not be read (${err instanceof Error ? err.message : String(err)}).`);
      },
    );
  }
}
