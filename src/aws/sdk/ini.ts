// Loaded on first use only (dist/sdk/ini.js): the SDK's reader of the shared config and credentials files.
export { CONFIG_PREFIX_SEPARATOR, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
