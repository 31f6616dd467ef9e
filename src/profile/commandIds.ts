// The profile commands' ids, light so activation can register them before their code loads.

export const CHOOSE_PROFILE_COMMAND = 'awsWorkflows.chooseProfile';
export const CHOOSE_REGION_COMMAND = 'awsWorkflows.chooseRegion';
export const CHECK_CONNECTION_COMMAND = 'awsWorkflows.checkConnection';

export const PROFILE_COMMAND_IDS = [CHOOSE_PROFILE_COMMAND, CHOOSE_REGION_COMMAND, CHECK_CONNECTION_COMMAND] as const;
