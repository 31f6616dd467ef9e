// The manifest API: parseManifest (shape) and checkManifest (rules).
export * from './model';
export { parseManifest } from './parse';
export { checkManifest } from './check';
