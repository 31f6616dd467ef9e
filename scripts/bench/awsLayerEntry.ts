// Entry point the AWS bench bundles on its own: the layer exactly as src/aws ships it.
export { AwsSession } from '../../src/aws/session';
export { silentLogger } from '../../src/core/log';
