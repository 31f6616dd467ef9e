import * as assert from 'node:assert/strict';
import { airflowLoginUrl, airflowMajorVersion, loginPath, webServerOrigin } from '../../../src/core/airflow/loginUrl';

const TOKEN = 'eyJhbGciOi.J9-abc_DEF';

describe('Airflow UI login URL', () => {
  it('uses the Airflow 2 console-SSO path for 2.x', () => {
    assert.equal(
      airflowLoginUrl({ webServerHostname: 'abc123-vpce.c2.airflow.us-east-1.amazonaws.com', webToken: TOKEN, airflowVersion: '2.10.3' }),
      `https://abc123-vpce.c2.airflow.us-east-1.amazonaws.com/aws_mwaa/aws-console-sso?login=true#${TOKEN}`,
    );
  });

  it('uses the plugin path for Airflow 3.x', () => {
    assert.equal(
      airflowLoginUrl({ webServerHostname: 'env.airflow.localhost:8443', webToken: TOKEN, airflowVersion: '3.0.6' }),
      `https://env.airflow.localhost:8443/pluginsv2/aws_mwaa/aws-console-sso?login=true#${TOKEN}`,
    );
  });

  it('falls back to the Airflow 2 path when the version is unknown', () => {
    assert.equal(loginPath(undefined), '/aws_mwaa/aws-console-sso?login=true');
    assert.equal(loginPath('latest'), '/aws_mwaa/aws-console-sso?login=true');
    assert.equal(loginPath('v3.1'), '/pluginsv2/aws_mwaa/aws-console-sso?login=true');
  });

  it('reads the major version', () => {
    assert.equal(airflowMajorVersion('2.10.3'), 2);
    assert.equal(airflowMajorVersion('3'), 3);
    assert.equal(airflowMajorVersion('v3.0.6'), 3);
    assert.equal(airflowMajorVersion('10.1'), 10);
    assert.equal(airflowMajorVersion(''), undefined);
    assert.equal(airflowMajorVersion('3x'), undefined);
  });

  it('accepts hostnames with a scheme or a trailing slash, and always uses HTTPS', () => {
    for (const host of ['https://env.example.com', 'https://env.example.com/', 'HTTPS://env.example.com', 'http://env.example.com', ' env.example.com ']) {
      assert.equal(webServerOrigin(host), 'https://env.example.com', host);
    }
    assert.equal(webServerOrigin('https://env.example.com:8443/'), 'https://env.example.com:8443');
    assert.equal(webServerOrigin('env.example.com:443'), 'https://env.example.com');
  });

  it('keeps the new .on.aws hostnames as returned', () => {
    const host = '0a1b2c3d-4e5f-6789-abcd-ef0123456789.c7.airflow.eu-west-1.on.aws';
    assert.equal(
      airflowLoginUrl({ webServerHostname: host, webToken: TOKEN, airflowVersion: '2.11.0' }),
      `https://${host}/aws_mwaa/aws-console-sso?login=true#${TOKEN}`,
    );
    assert.equal(
      airflowLoginUrl({ webServerHostname: `https://${host}/`, webToken: TOKEN, airflowVersion: '3.0.6' }),
      `https://${host}/pluginsv2/aws_mwaa/aws-console-sso?login=true#${TOKEN}`,
    );
  });

  it('puts the token in the fragment only, encoding characters a fragment cannot hold', () => {
    const url = new URL(airflowLoginUrl({ webServerHostname: 'h.example.com', webToken: 'a b#c%d=e+f/g', airflowVersion: '2.9.2' }));
    assert.equal(url.search, '?login=true');
    assert.equal(url.hash, '#a%20b%23c%25d=e+f/g');
    assert.equal(decodeURIComponent(url.hash.slice(1)), 'a b#c%d=e+f/g');
  });

  it('refuses hostnames that are not host names, and an empty token', () => {
    for (const bad of ['', '   ', 'https://', 'env.example.com/path', 'user@env.example.com', 'env.example.com?x=1', 'env example.com', 'env.example.com#x']) {
      assert.throws(() => webServerOrigin(bad), /not a host name/, bad);
    }
    assert.throws(() => airflowLoginUrl({ webServerHostname: 'h.example.com', webToken: '' }), /no web login token/);
  });
});
