import * as assert from 'node:assert/strict';
import { StateMachineDoesNotExist, ValidationException as SfnValidationException, StateMachineAlreadyExists, StateMachineLimitExceeded } from '@aws-sdk/client-sfn';
import { CredentialsProviderError } from '@smithy/property-provider';
import {
  AWS_CALL_INFO,
  AwsActionError,
  AwsCredentialsError,
  MalformedResponseError,
  callAws,
  classifyAwsError,
  describeAwsError,
  describeAwsErrorDetail,
  describeUnwrappedAwsError,
  iamActionFor,
  kmsActionFor,
} from '../../../src/aws/errors';
import { retryErrorType } from '../../../src/aws/retry';
import { markRetryableThrottling } from '../../../src/aws/throttlingErrors';
import { toCredentialsError } from '../../../src/aws/credentials';
import { redact } from '../../../src/core/log';
import { AccessDeniedException, InternalServerException, ThrottlingException, ValidationException } from '../../../src/aws/mwaaServerless';

const ctx = { service: 'states' as const, operation: 'CreateStateMachine', resource: 'OrderFlow', region: 'eu-west-1' };

function nodeError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

describe('describeAwsError', () => {
  it('access denied names the IAM action, the operation, the resource and the region', () => {
    const err = Object.assign(new Error('User: arn:aws:iam::1:user/x is not authorized to perform: states:CreateStateMachine'), {
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 400 },
    });
    const msg = describeAwsError(err, ctx);
    assert.match(msg, /^Step Functions CreateStateMachine for OrderFlow in eu-west-1 failed: access denied\./);
    assert.match(msg, /IAM permission states:CreateStateMachine on OrderFlow/);
    assert.match(msg, /AWS said: User: arn:aws:iam::1:user\/x is not authorized/);
  });

  it('access denied from MWAA Serverless and S3 uses their IAM prefixes', () => {
    const denied = new AccessDeniedException('no', { httpStatusCode: 403 });
    assert.match(describeAwsError(denied, { service: 'airflow-serverless', operation: 'CreateWorkflow' }), /airflow-serverless:CreateWorkflow/);
    const s3 = Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    assert.match(describeAwsError(s3, { service: 's3', operation: 'PutObject', resource: 's3://b/k' }), /s3:PutObject on s3:\/\/b\/k/);
    assert.match(describeAwsError(s3, { service: 's3', operation: 'ListObjectsV2' }), /s3:ListBucket/);
  });

  it('missing credentials say how to get some', () => {
    const err = new CredentialsProviderError('Could not load credentials from any providers');
    assert.equal(classifyAwsError(err), 'credentials-missing');
    const msg = describeAwsError(err, ctx);
    assert.match(msg, /no AWS credentials were found/);
    assert.match(msg, /Choose AWS Profile/);
    assert.match(msg, /aws configure/);
  });

  it('an expired SSO session names the exact `aws sso login --profile` command', () => {
    const sdkErr = new CredentialsProviderError('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.');
    const err = toCredentialsError(sdkErr, 'dev');
    assert.ok(err instanceof AwsCredentialsError);
    assert.equal(err.kind, 'sso-expired');
    assert.match(describeAwsError(err, ctx), /SSO session for profile "dev" has expired\. Run `aws sso login --profile dev`/);
  });

  it('expired session keys say to refresh them', () => {
    const err = Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException', $metadata: { httpStatusCode: 403 } });
    assert.equal(classifyAwsError(err), 'credentials-expired');
    assert.match(describeAwsError(err, ctx), /have expired.*aws sso login/);
  });

  it('rejected keys say to check the access key or choose another profile', () => {
    const err = Object.assign(new Error('The security token included in the request is invalid.'), { name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 400 } });
    assert.match(describeAwsError(err, ctx), /did not accept your credentials.*aws configure/);
  });

  it('network errors name the endpoint', () => {
    const err = nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4566', { address: '127.0.0.1', port: 4566 });
    assert.match(describeAwsError(err, ctx), /could not reach 127\.0\.0\.1:4566 \(ECONNREFUSED\)/);
    Object.defineProperty(err, AWS_CALL_INFO, { value: { service: 'states', operation: 'CreateStateMachine', region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566', overridden: true } });
    const msg = describeAwsError(err, ctx);
    assert.match(msg, /could not reach http:\/\/127\.0\.0\.1:4566/);
    assert.match(msg, /AWS_ENDPOINT_URL/);
    const dns = nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND states.eu-west-1.amazonaws.com', { hostname: 'states.eu-west-1.amazonaws.com' });
    assert.match(describeAwsError(dns, ctx), /could not reach states\.eu-west-1\.amazonaws\.com/);
  });

  it('throttling says how many times it was retried', () => {
    const err = new ThrottlingException('Rate exceeded', { httpStatusCode: 429, attempts: 3 });
    assert.match(describeAwsError(err, { service: 'airflow-serverless', operation: 'ListWorkflows', region: 'us-east-1' }), /throttling requests \(retried 2 times\)/);
  });

  it('not found says what and where', () => {
    const err = new StateMachineDoesNotExist({ message: 'State Machine Does Not Exist: arn…', $metadata: { httpStatusCode: 400 } });
    assert.match(describeAwsError(err, { ...ctx, operation: 'DescribeStateMachine' }), /OrderFlow was not found in eu-west-1.*Check the name and the region/);
  });

  it('validation errors carry AWS\'s message and the failing fields', () => {
    const sfn = new SfnValidationException({ message: "1 validation error detected: Value 'x' at 'roleArn' failed", $metadata: { httpStatusCode: 400 } });
    assert.match(describeAwsError(sfn, ctx), /AWS rejected the request: 1 validation error detected/);
    const ours = new ValidationException('Invalid input', { httpStatusCode: 400 }, { Reason: 'FIELD_VALIDATION_FAILED', FieldList: [{ Name: 'RoleArn', Message: 'must be a role ARN' }] });
    assert.match(describeAwsError(ours, { service: 'airflow-serverless', operation: 'CreateWorkflow' }), /Invalid input \(RoleArn: must be a role ARN\)/);
  });

  it('conflicts and quotas say what to do', () => {
    const exists = new StateMachineAlreadyExists({ message: 'State Machine Already Exists', $metadata: {} });
    assert.match(describeAwsError(exists, ctx), /conflicts with the resource's current state/);
    const limit = new StateMachineLimitExceeded({ message: 'limit', $metadata: {} });
    assert.match(describeAwsError(limit, ctx), /service quota was exceeded.*Service Quotas/);
  });

  it('server errors give the status and the number of attempts', () => {
    const err = new InternalServerException('boom', { httpStatusCode: 500, attempts: 3 });
    assert.match(describeAwsError(err, { service: 'airflow-serverless', operation: 'GetWorkflow' }), /internal error \(HTTP 500\) after 3 attempts/);
  });

  it('a malformed response is a clear error, not a crash', () => {
    const err = new MalformedResponseError('GetWorkflow returned a body that is not a JSON object (HTTP 200, 9 bytes)', { httpStatusCode: 200 });
    assert.match(describeAwsError(err, { service: 'airflow-serverless', operation: 'GetWorkflow' }), /response from AWS could not be read \(GetWorkflow returned a body that is not a JSON object/);
    const sdk = Object.assign(new Error('Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.'), { name: 'SyntaxError', $metadata: { httpStatusCode: 200 } });
    assert.match(describeAwsError(sdk, ctx), /could not be read \(the response was not in the expected format\)/);
  });

  it('an unknown error still says what was tried and what AWS said', () => {
    assert.match(describeAwsError(new Error('weird'), ctx), /^Step Functions CreateStateMachine for OrderFlow in eu-west-1 failed: weird\. See the log/);
    assert.match(describeAwsError('just a string', ctx), /failed: just a string/);
  });

  it('never repeats secrets or signed URLs from an error message', () => {
    const err = Object.assign(new Error('bad https://x.s3.amazonaws.com/k?X-Amz-Signature=abcdef&X-Amz-Credential=AKIA aws_secret_access_key=SECRET'), { name: 'SomethingException' });
    const msg = describeAwsError(err, ctx);
    assert.doesNotMatch(msg, /abcdef|SECRET/);
    assert.doesNotMatch(describeAwsErrorDetail(err), /abcdef|SECRET/);
  });
});

describe('callAws and iamActionFor', () => {
  it('wraps failures into AwsActionError with the sentence as message and the original as cause', async () => {
    const original = Object.assign(new Error('nope'), { name: 'AccessDeniedException' });
    const err = await callAws(ctx, async () => {
      throw original;
    }).catch((e: unknown) => e);
    assert.ok(err instanceof AwsActionError);
    assert.equal(err.cause, original);
    assert.equal(err.kind, 'access-denied');
    assert.match(err.message, /states:CreateStateMachine/);
    assert.equal(describeUnwrappedAwsError(err), err.message);
  });

  it('passes results and cancellations through untouched', async () => {
    assert.equal(await callAws(ctx, async () => 42), 42);
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    assert.equal(await callAws(ctx, async () => Promise.reject(abort)).catch((e: unknown) => e), abort);
  });

  it('describes unwrapped errors that the session annotated, and nothing else', () => {
    const err = Object.assign(new Error('nope'), { name: 'AccessDeniedException' });
    assert.equal(describeUnwrappedAwsError(err), undefined);
    Object.defineProperty(err, AWS_CALL_INFO, { value: { service: 'imagebuilder', operation: 'ListWorkflows', region: 'us-east-1', endpoint: 'https://x', overridden: false } });
    assert.match(describeUnwrappedAwsError(err)!, /imagebuilder:ListWorkflows/);
  });

  it('builds IAM action names from the models\' signing names', () => {
    assert.equal(iamActionFor('states', 'CreateStateMachine'), 'states:CreateStateMachine');
    assert.equal(iamActionFor('states', 'ListStateMachinesCommand'), 'states:ListStateMachines');
    assert.equal(iamActionFor('imagebuilder', 'CreateWorkflow'), 'imagebuilder:CreateWorkflow');
    assert.equal(iamActionFor('airflow', 'CreateWebLoginToken'), 'airflow:CreateWebLoginToken');
    assert.equal(iamActionFor('airflow-serverless', 'StartWorkflowRun'), 'airflow-serverless:StartWorkflowRun');
    assert.equal(iamActionFor('s3', 'HeadObject'), 's3:GetObject');
  });
});

describe('what reaches the log', () => {
  it('redacts SigV4 signatures and session tokens wherever they are quoted', () => {
    const line = 'proxy said: Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/us-east-1/states/aws4_request, SignedHeaders=host, Signature=aa778c98d9a688ae7636ae77f8347fd3f08fc8ad0c27826ba76647c4569d36e1 x-amz-security-token: FQoGZXIvYXdzEJr';
    const out = redact(line);
    assert.doesNotMatch(out, /aa778c98d9a688ae|FQoGZXIvYXdzEJr/);
  });

  it('describes a credentials failure raised outside any call as an AWS request failure', () => {
    const err = new AwsCredentialsError('No AWS credentials were found.', { kind: 'credentials-missing', profile: 'dev' });
    assert.match(describeUnwrappedAwsError(err)!, /^The AWS request failed: no AWS credentials were found for profile "dev"\./);
  });
});

describe('KMS errors from Step Functions (Kms*Exception)', () => {
  const sdkError = (name: string, message: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400, attempts: 1 }, ...extra });

  it('KmsAccessDeniedException is its own kind (not the old KMSAccessDenied spelling) and names the KMS action', () => {
    const err = sdkError('KmsAccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    assert.equal(classifyAwsError(err), 'kms-access-denied');
    assert.equal(
      describeAwsError(err, { service: 'states', operation: 'DescribeStateMachine', resource: 'order-pipeline', region: 'eu-west-1', kmsKey: 'alias/orders' }),
      "Step Functions DescribeStateMachine for order-pipeline in eu-west-1 failed: your identity may not use the KMS key alias/orders. It needs kms:Decrypt on that key; ask the key's administrator to allow it in the key policy or an IAM policy, or choose a profile that has it.",
    );
    // Without the key from the resource, the key ARN AWS's message names.
    assert.equal(
      describeAwsError(err, { ...ctx, operation: 'UpdateStateMachine' }),
      "Step Functions UpdateStateMachine for OrderFlow in eu-west-1 failed: your identity may not use the KMS key arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab. It needs kms:GenerateDataKey on that key; ask the key's administrator to allow it in the key policy or an IAM policy, or choose a profile that has it.",
    );
  });

  it('KmsInvalidStateException names the key state and what to do; unknown states still read as a sentence', () => {
    const at = { service: 'states' as const, operation: 'StartExecution', resource: 'order-pipeline', region: 'eu-west-1', kmsKey: 'alias/orders' };
    const state = (s: string | undefined) => describeAwsError(sdkError('KmsInvalidStateException', 'key state', { kmsKeyState: s }), at);
    assert.equal(state('DISABLED'), 'Step Functions StartExecution for order-pipeline in eu-west-1 failed: the KMS key alias/orders is disabled (DISABLED). Enable the key in AWS KMS, then try again.');
    assert.equal(state('PENDING_DELETION'), 'Step Functions StartExecution for order-pipeline in eu-west-1 failed: the KMS key alias/orders is pending deletion (PENDING_DELETION). Cancel its deletion in AWS KMS and enable it, then try again.');
    assert.equal(state('PENDING_IMPORT'), 'Step Functions StartExecution for order-pipeline in eu-west-1 failed: the KMS key alias/orders is waiting for its key material (PENDING_IMPORT). Import the key material in AWS KMS, then try again.');
    assert.equal(state('UNAVAILABLE'), "Step Functions StartExecution for order-pipeline in eu-west-1 failed: the KMS key alias/orders is unavailable (UNAVAILABLE). Reconnect the key's custom key store in AWS KMS, then try again.");
    assert.equal(state('CREATING'), 'Step Functions StartExecution for order-pipeline in eu-west-1 failed: the KMS key alias/orders is still being created (CREATING). Wait until AWS KMS has created it, then try again.');
    assert.equal(state(undefined), 'Step Functions StartExecution for order-pipeline in eu-west-1 failed: the KMS key alias/orders is not in a usable state. Check the key in AWS KMS, then try again.');
  });

  it('KmsThrottlingException is throttling for retries (our client and the SDK) and has its own sentence', () => {
    const err = sdkError('KmsThrottlingException', 'Rate exceeded', { $metadata: { httpStatusCode: 400, attempts: 3 } });
    assert.equal(retryErrorType(err), 'THROTTLING');
    assert.equal(
      describeAwsError(err, { service: 'states', operation: 'DescribeExecution', region: 'eu-west-1' }),
      'Step Functions DescribeExecution in eu-west-1 failed: AWS KMS is throttling requests for its customer managed KMS key (retried 2 times). Wait a moment and try again; if it persists, ask for a higher KMS request quota.',
    );
    const marked = sdkError('KmsThrottlingException', 'Rate exceeded') as Error & { $retryable?: { throttling?: boolean } };
    markRetryableThrottling(marked);
    assert.deepEqual(marked.$retryable, { throttling: true });
    const other = sdkError('KmsAccessDeniedException', 'no') as Error & { $retryable?: unknown };
    markRetryableThrottling(other);
    assert.equal(other.$retryable, undefined);
  });

  it('the KMS action per operation follows the Step Functions KMS permissions', () => {
    for (const op of ['DescribeStateMachine', 'DescribeExecution', 'DescribeStateMachineForExecution', 'GetExecutionHistory', 'GetActivityTask']) assert.equal(kmsActionFor(op), 'kms:Decrypt', op);
    for (const op of ['CreateStateMachine', 'UpdateStateMachine', 'CreateActivity', 'StartExecution', 'StartSyncExecutionCommand', 'SendTaskSuccess']) assert.equal(kmsActionFor(op), 'kms:GenerateDataKey', op);
  });
});
