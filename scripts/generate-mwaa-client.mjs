// Generates src/aws/mwaa.generated.ts from ../shared/reference/aws-models/mwaa.json: the types,
// restJson1 bindings (method, URI, member locations, the `env.` host prefix), string lengths, shape
// schema and exceptions of every MWAA operation we call, all through our own client (src/aws/mwaa.ts).
// The registry's @aws-sdk/client-mwaa (3.523.0) predates InvokeRestApi and bundled its own old copy
// of the SDK core; our client shares SignedTransport with MWAA Serverless's.
// Run: node scripts/generate-mwaa-client.mjs   (output is committed; a unit test compares it)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClientModule } from './lib/model-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MWAA_GENERATED = path.join(root, 'src/aws/mwaa.generated.ts');

/** The text of src/aws/mwaa.generated.ts for the models in `modelsDir`. */
export function mwaaClientModule(modelsDir = process.env.AWS_MODELS_DIR ?? path.resolve(root, '../shared/reference/aws-models')) {
  return generateClientModule({
    script: 'generate-mwaa-client.mjs',
    file: 'mwaa.json',
    model: JSON.parse(readFileSync(path.join(modelsDir, 'mwaa.json'), 'utf8')),
    constPrefix: 'MWAA',
    typePrefix: 'Mwaa',
    serviceLabel: 'Amazon MWAA',
    metadataKeys: ['apiVersion', 'serviceId', 'signingName', 'endpointPrefix', 'protocol'],
    operations: ['CreateWebLoginToken', 'GetEnvironment', 'InvokeRestApi', 'ListEnvironments'],
    httpBindings: true,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(MWAA_GENERATED, mwaaClientModule());
  console.log('wrote src/aws/mwaa.generated.ts');
}
