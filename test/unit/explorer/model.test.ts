import * as assert from 'node:assert/strict';
import { AWS_CALL_INFO, toAwsActionError } from '../../../src/aws/errors';
import { isServiceNotOffered } from '../../../src/explorer/model/availability';
import { consoleHost, consoleUrl } from '../../../src/explorer/model/consoleUrls';
import { describeEncryption, tooltipMarkdown } from '../../../src/explorer/model/details';
import { parseFilter, validateFilterInput } from '../../../src/explorer/model/filter';
import { clampPageSize } from '../../../src/explorer/model/listing';
import { PagedList } from '../../../src/explorer/model/pagedList';
import { itemDescription, statusTone, versionFromArn, type Page, type ResourceItem } from '../../../src/explorer/model/resources';

const matches = (text: string, name: string) => {
  const r = parseFilter(text);
  assert.ok('filter' in r, JSON.stringify(r));
  return r.filter.matches(name);
};

describe('explorer filter', () => {
  it('matches text anywhere in the name, ignoring case', () => {
    assert.equal(matches('order', 'OrderProcessing'), true);
    assert.equal(matches('PROC', 'OrderProcessing'), true);
    assert.equal(matches('invoice', 'OrderProcessing'), false);
  });
  it('treats text wrapped in slashes as a case-insensitive regular expression', () => {
    assert.equal(matches('/^order/', 'OrderProcessing'), true);
    assert.equal(matches('/^order/', 'MyOrder'), false);
    assert.equal(matches('/machine-0{4}7$/', 'machine-00007'), true);
  });
  it('keeps the flags the user gave (then case matters)', () => {
    assert.equal(matches('/^order/u', 'OrderProcessing'), false);
    assert.equal(matches('/^Order/u', 'OrderProcessing'), true);
  });
  it('a lone slash or a path is text, not a pattern', () => {
    assert.equal(matches('/', 'a/b'), true);
    assert.equal(matches('a/b', 'xa/by'), true);
  });
  it('explains an invalid regular expression', () => {
    const r = parseFilter('/(unclosed/');
    assert.ok('error' in r);
    assert.match(r.error, /^Not a valid regular expression: /);
    assert.match(validateFilterInput('/[z-a]/') ?? '', /regular expression/);
    assert.equal(validateFilterInput(''), undefined, 'empty clears');
  });
  it('keeps the text as typed for the description', () => {
    const r = parseFilter('  /^prod-/  ');
    assert.ok('filter' in r);
    assert.equal(r.filter.text, '/^prod-/');
  });
});

describe('explorer console URLs', () => {
  const smArn = 'arn:aws:states:eu-west-1:000000000000:stateMachine:Orders';
  it('state machines and their versions open the Step Functions page with the ARN', () => {
    assert.equal(
      consoleUrl({ kind: 'stateMachine', region: 'eu-west-1', name: 'Orders', arn: smArn }),
      `https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/statemachines/view/${encodeURIComponent(smArn)}`,
    );
    assert.match(consoleUrl({ kind: 'stateMachineVersion', region: 'eu-west-1', name: 'Orders:2', arn: `${smArn}:2` }) ?? '', /statemachines\/view\/.*Orders%3A2$/);
  });
  it('activities, Image Builder, MWAA and MWAA Serverless each have their page, in their region', () => {
    assert.match(consoleUrl({ kind: 'activity', region: 'us-east-1', name: 'A', arn: 'arn:aws:states:us-east-1:0:activity:A' }) ?? '', /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/states\/home\?region=us-east-1#\/activities\/view\/arn%3Aaws/);
    assert.match(consoleUrl({ kind: 'imageBuilderWorkflow', region: 'us-west-2', name: 'b', arn: 'arn:aws:imagebuilder:us-west-2:0:workflow/build/b/1.0.0' }) ?? '', /^https:\/\/us-west-2\.console\.aws\.amazon\.com\/imagebuilder\/home\?region=us-west-2#\/workflows\/arn%3Aaws%3Aimagebuilder/);
    assert.equal(consoleUrl({ kind: 'mwaaEnvironment', region: 'us-east-1', name: 'My Env' }), 'https://us-east-1.console.aws.amazon.com/mwaa/home?region=us-east-1#environments/My%20Env');
    assert.equal(consoleUrl({ kind: 'mwaaServerlessRun', region: 'us-east-1', name: 'run-1', workflowName: 'etl' }), 'https://us-east-1.console.aws.amazon.com/mwaa/home?region=us-east-1#serverless/workflows/etl');
  });
  it('other partitions have their own console hosts', () => {
    assert.equal(consoleHost('cn-north-1'), 'console.amazonaws.cn');
    assert.equal(consoleHost('us-gov-west-1'), 'console.amazonaws-us-gov.com');
  });
  it('nothing to open without an ARN where the page needs one', () => {
    assert.equal(consoleUrl({ kind: 'stateMachine', region: 'us-east-1', name: 'x' }), undefined);
  });
});

describe('explorer paging', () => {
  function pages(count: number, size = 2) {
    const calls: (string | undefined)[] = [];
    const fetch = async (token: string | undefined): Promise<Page<string>> => {
      calls.push(token);
      const n = token ? Number(token) : 0;
      await new Promise((r) => setImmediate(r));
      const items = Array.from({ length: size }, (_, i) => `item-${n * size + i}`);
      return { items, nextToken: n + 1 < count ? String(n + 1) : undefined };
    };
    return { calls, fetch };
  }

  it('expanding twice at once loads the first page once', async () => {
    const { calls, fetch } = pages(3);
    const list = new PagedList(fetch);
    await Promise.all([list.ensureFirstPage(), list.ensureFirstPage(), list.loadMore()]);
    assert.deepEqual(calls, [undefined]);
    assert.deepEqual(list.items, ['item-0', 'item-1']);
    assert.equal(list.hasMore, true);
  });

  it('loads page after page with the token, then says there is no more', async () => {
    const { calls, fetch } = pages(3);
    const list = new PagedList(fetch);
    await list.ensureFirstPage();
    await list.loadMore();
    await list.loadMore();
    await list.loadMore();
    assert.deepEqual(calls, [undefined, '1', '2']);
    assert.equal(list.items.length, 6);
    assert.equal(list.hasMore, false);
  });

  it('keeps loading until something matches, and stops at the end', async () => {
    const { calls, fetch } = pages(5);
    const list = new PagedList(fetch);
    await list.loadUntil((items) => items.includes('item-7'));
    assert.deepEqual(calls, [undefined, '1', '2', '3']);
    await list.loadUntil((items) => items.includes('nothing'));
    assert.equal(calls.length, 5);
    assert.equal(list.hasMore, false);
  });

  it('keeps the error, does not retry on its own, and recovers on loadMore', async () => {
    let fail = true;
    const list = new PagedList(async () => {
      if (fail) throw new Error('denied');
      return { items: ['a'] };
    });
    await list.ensureFirstPage();
    assert.equal((list.error as Error).message, 'denied');
    await list.ensureFirstPage();
    await list.loadUntil(() => false);
    assert.equal((list.error as Error).message, 'denied', 'no silent retry');
    fail = false;
    await list.loadMore();
    assert.equal(list.error, undefined);
    assert.deepEqual(list.items, ['a']);
  });

  it('a reset drops a page that was still on its way', async () => {
    let release!: () => void;
    const list = new PagedList(() => new Promise<Page<string>>((r) => (release = () => r({ items: ['stale'] }))));
    const pending = list.loadMore();
    list.reset();
    release();
    await pending;
    assert.deepEqual(list.items, []);
    assert.equal(list.hasLoadedFirstPage, false);
  });

  it('page sizes stay within each operation\'s model range', () => {
    assert.equal(clampPageSize(50, 'airflow', 'ListEnvironments'), 25);
    assert.equal(clampPageSize(50, 'imagebuilder', 'ListWorkflows'), 25);
    assert.equal(clampPageSize(500, 'airflow-serverless', 'ListWorkflows'), 100);
    assert.equal(clampPageSize(5000, 'states', 'ListStateMachines'), 1000);
    assert.equal(clampPageSize(0, 'states', 'ListStateMachines'), 1);
    assert.equal(clampPageSize(Number.NaN, 'states', 'ListActivities'), 50);
  });
});

describe('explorer item text', () => {
  const base = { id: 'x', region: 'us-east-1', name: 'n' };
  it('describes each kind briefly', () => {
    assert.equal(itemDescription({ ...base, kind: 'stateMachine', type: 'EXPRESS' } as ResourceItem), 'EXPRESS');
    assert.equal(itemDescription({ ...base, kind: 'imageBuilderWorkflow', type: 'BUILD', version: '1.1.0' } as ResourceItem), '1.1.0 · BUILD');
    assert.equal(itemDescription({ ...base, kind: 'mwaaEnvironment', status: 'AVAILABLE', airflowVersion: '2.10.3' } as ResourceItem), 'AVAILABLE · Airflow 2.10.3');
    assert.equal(itemDescription({ ...base, kind: 'mwaaServerlessRun', status: 'FAILED', startedAt: new Date('2026-11-22T01:05:09Z') } as ResourceItem), 'FAILED · 2026-11-22 01:05 UTC');
  });
  it('maps statuses to tones', () => {
    assert.equal(statusTone('SUCCESS'), 'ok');
    assert.equal(statusTone('AVAILABLE'), 'ok');
    assert.equal(statusTone('CREATE_FAILED'), 'failed');
    assert.equal(statusTone('TIMEOUT'), 'failed');
    assert.equal(statusTone('RUNNING'), 'progress');
    assert.equal(statusTone('QUEUED'), 'progress');
    assert.equal(statusTone('DEPRECATED'), 'warning');
    assert.equal(statusTone(undefined), 'neutral');
  });
  it('reads the version number from a version ARN', () => {
    assert.equal(versionFromArn('arn:aws:states:us-east-1:0:stateMachine:Orders:12'), '12');
  });
  it('says which key encrypts', () => {
    assert.equal(describeEncryption('AWS_OWNED_KEY', undefined), 'AWS-owned key');
    assert.equal(describeEncryption('CUSTOMER_MANAGED_KMS_KEY', 'alias/k'), 'customer managed KMS key alias/k');
    assert.equal(describeEncryption('AWS_MANAGED_KEY', undefined), 'AWS managed key');
  });
  it('tooltips escape Markdown in values and keep ARNs as code', () => {
    const md = tooltipMarkdown('a_b', { fields: [['ARN', 'arn:aws:x'], ['Description', '*bold* [link](x)']] });
    assert.equal(md, '**a\\_b**  \n  \nARN: `arn:aws:x`  \nDescription: \\*bold\\* \\[link\\]\\(x\\)');
  });
});

describe('explorer: service not offered in a region', () => {
  const dnsError = (overridden: boolean) => {
    const err = Object.assign(new Error('getaddrinfo ENOTFOUND airflow-serverless.ap-east-2.api.aws'), { code: 'ENOTFOUND' });
    Object.defineProperty(err, AWS_CALL_INFO, { value: { service: 'airflow-serverless', operation: 'ListWorkflows', region: 'ap-east-2', endpoint: 'https://airflow-serverless.ap-east-2.api.aws', overridden } });
    return toAwsActionError(err, { service: 'airflow-serverless', operation: 'ListWorkflows', region: 'ap-east-2' });
  };
  it('a regional AWS host that does not exist means the service is not there', () => {
    assert.equal(isServiceNotOffered(dnsError(false)), true);
  });
  it('with an endpoint override, a DNS failure is an error, not absence', () => {
    assert.equal(isServiceNotOffered(dnsError(true)), false);
  });
  it('other failures are errors', () => {
    const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    assert.equal(isServiceNotOffered(toAwsActionError(denied, { service: 'states', operation: 'ListStateMachines' })), false);
  });
});
