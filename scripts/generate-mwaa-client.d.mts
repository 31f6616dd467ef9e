export const MWAA_GENERATED: string;
export function mwaaClientModule(modelsDir?: string): string;
