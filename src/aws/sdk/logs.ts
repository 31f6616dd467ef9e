// Loaded on first use only (dist/sdk/logs.js): CloudWatch Logs, for task logs; see src/aws/session.ts.
// A default export of the namespace: an ES-module build cannot re-export a CommonJS package with
// `export *`, and scripts/build.mjs builds the SDK entry points as split ES modules.
import * as sdk from '@aws-sdk/client-cloudwatch-logs';

export default sdk;
