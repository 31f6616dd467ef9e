// Loaded on first use only (dist/sdk/mwaa.js); see src/aws/session.ts.
// A default export (see sfn.ts for why).
import * as sdk from '@aws-sdk/client-mwaa';
// client-mwaa is pinned at 3.523.0, whose retry middleware predates @smithy/core's strategies:
// it needs the @smithy/util-retry it was built with.
import { ConfiguredRetryStrategy as LegacyConfiguredRetryStrategy } from '@smithy/util-retry';

export default { ...sdk, LegacyConfiguredRetryStrategy };
