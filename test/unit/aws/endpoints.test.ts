import * as assert from 'node:assert/strict';
import { defaultEndpoint, resolveEndpoint, resolveEndpointOverride, resolveRegion, serviceEndpointEnvName, servicesSectionKey } from '../../../src/aws/endpoints';
import type { SharedConfig } from '../../../src/aws/sharedConfig';
import { sharedConfigFrom } from '../../support/sharedConfig';

const CONFIG = `[default]
region = eu-west-1
[profile withurl]
endpoint_url = http://profile.local:1111
region = ap-southeast-2
[profile withservices]
services = emu
endpoint_url = http://profile.local:2222
[services emu]
sfn =
  endpoint_url = http://sfn.local:3333
mwaa_serverless =
  endpoint_url = http://mwaas.local:4444
[profile ignoring]
endpoint_url = http://profile.local:5555
ignore_configured_endpoint_urls = true
`;

describe('endpoint resolution', () => {
  let config: SharedConfig;
  before(async () => { config = await sharedConfigFrom(CONFIG); });

  it('derives the service variable names from the models\' serviceId, as the SDK does', () => {
    assert.equal(serviceEndpointEnvName('states'), 'AWS_ENDPOINT_URL_SFN');
    assert.equal(serviceEndpointEnvName('imagebuilder'), 'AWS_ENDPOINT_URL_IMAGEBUILDER');
    assert.equal(serviceEndpointEnvName('airflow'), 'AWS_ENDPOINT_URL_MWAA');
    assert.equal(serviceEndpointEnvName('airflow-serverless'), 'AWS_ENDPOINT_URL_MWAA_SERVERLESS');
    assert.equal(serviceEndpointEnvName('s3'), 'AWS_ENDPOINT_URL_S3');
    assert.equal(servicesSectionKey('airflow-serverless'), 'mwaa_serverless');
    assert.equal(servicesSectionKey('states'), 'sfn');
  });

  it('uses AWS_ENDPOINT_URL for every service', () => {
    for (const service of ['states', 'imagebuilder', 'airflow', 'airflow-serverless', 's3'] as const) {
      const e = resolveEndpoint(service, 'us-east-1', { env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566/' }, profile: 'default' });
      assert.deepEqual(e, { url: 'http://127.0.0.1:4566', overridden: true, source: 'AWS_ENDPOINT_URL' });
    }
  });

  it('prefers the service-specific variable over AWS_ENDPOINT_URL', () => {
    const env = { AWS_ENDPOINT_URL: 'http://global:1', AWS_ENDPOINT_URL_MWAA_SERVERLESS: 'http://mwaas:2' };
    assert.equal(resolveEndpointOverride('airflow-serverless', { env, profile: 'default' })?.url, 'http://mwaas:2');
    assert.equal(resolveEndpointOverride('states', { env, profile: 'default' })?.url, 'http://global:1');
  });

  it('uses the profile endpoint_url when no variable is set, and variables win over it', () => {
    assert.deepEqual(resolveEndpointOverride('states', { env: {}, config, profile: 'withurl' }), {
      url: 'http://profile.local:1111',
      overridden: true,
      source: 'profile withurl endpoint_url',
    });
    assert.equal(resolveEndpointOverride('states', { env: { AWS_ENDPOINT_URL: 'http://env:1' }, config, profile: 'withurl' })?.url, 'http://env:1');
  });

  it('prefers the profile services section for that service over the profile endpoint_url', () => {
    assert.equal(resolveEndpointOverride('states', { env: {}, config, profile: 'withservices' })?.url, 'http://sfn.local:3333');
    assert.equal(resolveEndpointOverride('airflow-serverless', { env: {}, config, profile: 'withservices' })?.url, 'http://mwaas.local:4444');
    assert.equal(resolveEndpointOverride('s3', { env: {}, config, profile: 'withservices' })?.url, 'http://profile.local:2222');
  });

  it('honours AWS_IGNORE_CONFIGURED_ENDPOINT_URLS and ignore_configured_endpoint_urls', () => {
    assert.equal(resolveEndpointOverride('states', { env: { AWS_ENDPOINT_URL: 'http://x:1', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, profile: 'default' }), undefined);
    assert.equal(resolveEndpointOverride('states', { env: {}, config, profile: 'ignoring' }), undefined);
  });

  it('falls back to AWS\'s own endpoints, MWAA Serverless on the dual-stack api.aws domain', () => {
    assert.deepEqual(resolveEndpoint('states', 'eu-central-1', { env: {}, config, profile: 'default' }), {
      url: 'https://states.eu-central-1.amazonaws.com',
      overridden: false,
      source: 'default',
    });
    assert.equal(defaultEndpoint('airflow-serverless', 'us-east-1'), 'https://airflow-serverless.us-east-1.api.aws');
    assert.equal(defaultEndpoint('imagebuilder', 'cn-north-1'), 'https://imagebuilder.cn-north-1.amazonaws.com.cn');
    assert.equal(defaultEndpoint('airflow', 'us-gov-west-1'), 'https://airflow.us-gov-west-1.amazonaws.com');
    assert.equal(defaultEndpoint('s3', 'ap-south-1'), 'https://s3.ap-south-1.amazonaws.com');
  });
});

describe('region resolution', () => {
  let config: SharedConfig;
  before(async () => { config = await sharedConfigFrom(CONFIG); });

  it('takes the setting first', () => {
    assert.equal(resolveRegion({ settingRegion: 'sa-east-1', env: { AWS_REGION: 'us-west-1' }, config, profile: 'withurl' }).region, 'sa-east-1');
  });
  it('then the profile\'s region', () => {
    assert.deepEqual(resolveRegion({ env: { AWS_REGION: 'us-west-1' }, config, profile: 'withurl' }), { region: 'ap-southeast-2', source: 'profile withurl' });
  });
  it('then AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1', () => {
    assert.equal(resolveRegion({ env: { AWS_REGION: 'us-west-1', AWS_DEFAULT_REGION: 'eu-north-1' }, config, profile: 'withservices' }).region, 'us-west-1');
    assert.equal(resolveRegion({ env: { AWS_DEFAULT_REGION: 'eu-north-1' }, config, profile: 'withservices' }).region, 'eu-north-1');
    assert.deepEqual(resolveRegion({ env: {}, profile: 'nothing' }), { region: 'us-east-1', source: 'fallback' });
  });
});
