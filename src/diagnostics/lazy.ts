import { lazy } from '../core/lazy';

/** The validation engine (./heavy), loaded when the first workflow document is checked. */
export const heavy = lazy(() => import('./heavy'));
