// Types for generate-asl.mjs (used by the fast-YAML equivalence test).
export function generateAsl(stateCount: number, options?: { format?: 'json' | 'yaml'; targetChars?: number; seed?: number }): { text: string; states: number };
export function benchInputs(): { name: string; format: 'json' | 'yaml'; states: number; text: string }[];
