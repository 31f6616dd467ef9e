// A module loaded on first use. `load` is `() => import('./heavy')`: esbuild makes `./heavy` and what
// only it needs a chunk of its own (scripts/build.mjs), so nothing of it loads until `get()` is first
// called. After that `loaded` answers synchronously, so a hot path (typing) never waits on a load again.
// See DEVELOPERS.md, "Activation".

export class Lazy<T> {
  private pending: Promise<T> | undefined;
  private value: T | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  /** The module once loaded; undefined before the first `get()` has finished. */
  get loaded(): T | undefined {
    return this.value;
  }

  get(): Promise<T> {
    this.pending ??= this.load().then(
      (module) => (this.value = module),
      (err: unknown) => {
        // A failed load (a broken install) is reported by the caller and may be retried.
        this.pending = undefined;
        throw err;
      },
    );
    return this.pending;
  }

  /** Calls `use` with the module: synchronously once loaded, after the load the first time. */
  with<R>(use: (module: T) => R): R | Promise<R> {
    return this.value !== undefined ? use(this.value) : this.get().then(use);
  }
}

export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  return new Lazy(load);
}
