// Types for generate-asl.mjs (used by the fast-YAML equivalence test and the fuzz tests).
export function random(seed: number): () => number;
export function generateAsl(stateCount: number, options?: { format?: 'json' | 'yaml'; targetChars?: number; seed?: number }): { text: string; states: number };
export function benchInputs(): { name: string; format: 'json' | 'yaml'; states: number; text: string }[];
