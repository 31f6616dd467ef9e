// Template lint benchmark: a SAM template with 500 resources, 50 of them state machines (20 inline
// Definitions with intrinsics, 15 DefinitionString Fn::Join / Fn::Sub, 15 DefinitionUri files with
// DefinitionSubstitutions), linted as the editor and CLI do (lintText, bundled with esbuild).
// Goal (issue #16): ≤ 100 ms warm. Also: one DefinitionUri file checked with the template as context.
// No JavaScript peer checks templates' definitions (cfn-lint is Python and skips intrinsics), so no ratio.
//   node scripts/bench/templates.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { bundleCore } from '../lib/bundle-core.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 31;

const ours = await bundleCore('templates-lint', `export { lintText } from './src/core/lint';`);

function states(n, resource) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    lines.push(`          Step${i}:`, '            Type: Task', `            Resource: ${resource(i)}`, '            Retry:', '              - ErrorEquals: [States.TaskFailed]', '                MaxAttempts: 2');
    lines.push(i < n - 1 ? `            Next: Step${i + 1}` : '            End: true');
  }
  return lines.join('\n');
}

function definitionFile(n) {
  const s = {};
  for (let i = 0; i < n; i++) s[`Step${i}`] = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: `\${Function${i % 3}Arn}`, 'Payload.$': '$' }, ...(i < n - 1 ? { Next: `Step${i + 1}` } : { End: true }) };
  return JSON.stringify({ Comment: 'bench', StartAt: 'Step0', States: s }, null, 2);
}

function template() {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', 'Transform: AWS::Serverless-2016-10-31', 'Parameters:', '  Stage: { Type: String, Default: dev }', 'Resources:'];
  const files = {};
  let machines = 0;
  for (let r = 0; r < 500; r++) {
    if (r % 10 === 0) {
      const m = machines++;
      if (m >= 20 && m < 35) {
        // DefinitionString is CloudFormation's (SAM has none).
        out.push(`  Machine${m}:`, '    Type: AWS::StepFunctions::StateMachine', '    Properties:', `      StateMachineName: !Sub "\${AWS::StackName}-machine-${m}"`, '      StateMachineType: STANDARD', '      RoleArn: !GetAtt Role.Arn', '      LoggingConfiguration:', '        Level: ERROR', '        Destinations:', '          - CloudWatchLogsLogGroup: { LogGroupArn: !GetAtt Logs.Arn }');
      } else {
        out.push(`  Machine${m}:`, '    Type: AWS::Serverless::StateMachine', '    Properties:', `      Name: !Sub "\${AWS::StackName}-machine-${m}"`, '      Type: STANDARD', '      Logging:', '        Level: ERROR', '        Destinations:', '          - CloudWatchLogsLogGroup: { LogGroupArn: !GetAtt Logs.Arn }');
      }
      if (m < 20) {
        out.push('      Definition:', '        StartAt: Step0', '        States:', states(10, (i) => (i % 2 ? `!GetAtt Function${i % 7}.Arn` : 'arn:aws:states:::lambda:invoke')));
      } else if (m < 35) {
        const body = JSON.stringify({ StartAt: 'A0', States: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`A${i}`, { Type: 'Pass', ...(i < 9 ? { Next: `A${i + 1}` } : { End: true }) }])) }, null, 2).split('\n');
        out.push('      DefinitionString: !Join', '        - "\\n"', '        - ' + body.map((l, i) => `${i ? '          ' : ''}- '${l.replace(/'/g, "''")}'`).join('\n'));
        out.push('      DefinitionSubstitutions:', '        Unused: x');
      } else {
        files[`statemachine/machine${m}.asl.json`] = definitionFile(12);
        out.push(`      DefinitionUri: statemachine/machine${m}.asl.json`, '      DefinitionSubstitutions:', '        Function0Arn: !GetAtt Function0.Arn', '        Function1Arn: arn:aws:lambda:us-east-1:123456789012:function:one', '        Function2Arn: !GetAtt Function2.Arn');
      }
    } else {
      out.push(`  Function${r}:`, '    Type: AWS::Serverless::Function', '    Properties:', '      Runtime: python3.12', '      Handler: app.handler', `      CodeUri: src/function${r}/`, '      Environment:', '        Variables:', '          TABLE: !Ref Table', `          STAGE: !Ref Stage`);
    }
  }
  return { text: `${out.join('\n')}\n`, files, machines };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const { text, files, machines } = template();
const names = new Set(Object.keys(files).flatMap((f) => [f, f.split('/')[0]]));
const siblingFiles = {
  exists: (rel) => names.has(rel),
  read: (rel) => files[rel],
  list: (rel) => (rel === '' ? ['statemachine', 'template.yaml'] : rel === 'statemachine' ? Object.keys(files).map((f) => f.slice('statemachine/'.length)) : undefined),
  contained: () => true,
};
const lintTemplate = () => ours.lintText({ fileName: 'template.yaml', text, context: { fileExists: () => true, siblingFiles } });
const linkedName = Object.keys(files)[0];
const lintLinked = () => ours.lintText({ fileName: linkedName, text: files[linkedName], context: { fileExists: () => true, templates: [{ fileName: 'template.yaml', text }] } });

const t0 = performance.now();
const first = lintTemplate();
const cold = performance.now() - t0;
for (let i = 0; i < 5; i++) lintTemplate();
const times = [];
// CPU time beside wall time: on a shared machine the wall clock also counts time spent waiting for a core.
const cpuTimes = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  const c = process.cpuUsage();
  lintTemplate();
  const used = process.cpuUsage(c);
  times.push(performance.now() - t);
  cpuTimes.push((used.user + used.system) / 1000);
}
for (let i = 0; i < 5; i++) lintLinked();
const linkedTimes = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  lintLinked();
  linkedTimes.push(performance.now() - t);
}
const warm = median(times);
const errors = first.findings.filter((f) => f.severity === 'error');
console.log('Template lint: lintText on a SAM template, median ms');
console.log(`template.yaml: ${machines} state machines in 500 resources, ${text.length.toLocaleString('en-US')} characters, ${Object.keys(files).length} DefinitionUri files`);
console.log(`  first run ${cold.toFixed(1)} ms, warm ${warm.toFixed(1)} ms wall, ${median(cpuTimes).toFixed(1)} ms CPU (goal ≤ 100 ms warm: ${warm <= 100 ? 'met' : 'NOT MET'})`);
console.log(`  ${first.findings.length} findings (${first.findings.filter((f) => f.code === 'cfn/substitution-unused').length} unused substitutions, by design)${errors.length ? `; ${errors.length} errors — the input should have none: ${errors.slice(0, 3).map((e) => e.code).join(', ')}` : ''}`);
console.log(`${linkedName} with the template as context: warm ${median(linkedTimes).toFixed(2)} ms`);
if (process.env.BENCH_DEBUG) for (const e of errors.slice(0, 4)) console.log(e.range.start.line + 1, e.code, e.message);
if (process.env.BENCH_DEBUG) (await import('node:fs')).writeFileSync('/tmp/bench-template.yaml', text);
