// Expression caches make re-validation while typing cheap; benchmarks clear them to measure a cold run.
import { clearIntrinsicCache } from './intrinsics';
import { clearJsonataCache } from './jsonata';

export function clearAslCaches(): void {
  clearJsonataCache();
  clearIntrinsicCache();
}
