// AWS console addresses for the resources the explorer shows. Pure, so each one is unit-tested.

import { partitionOf } from '../../aws/endpoints';
import type { ResourceRef } from './resources';

/** The console's host for a region: partitions other than `aws` have their own domains. */
export function consoleHost(region: string): string {
  switch (partitionOf(region).id) {
    case 'aws-cn':
      return 'console.amazonaws.cn';
    case 'aws-us-gov':
      return 'console.amazonaws-us-gov.com';
    default:
      return `${region}.console.aws.amazon.com`;
  }
}

/** The console page that shows the resource, or undefined when the console has none for it. */
export function consoleUrl(ref: ResourceRef): string | undefined {
  const { region } = ref;
  const base = (service: string) => `https://${consoleHost(region)}/${service}/home?region=${encodeURIComponent(region)}`;
  const arn = ref.arn ? encodeURIComponent(ref.arn) : undefined;
  switch (ref.kind) {
    case 'stateMachine':
    case 'stateMachineVersion':
      return arn && `${base('states')}#/statemachines/view/${arn}`;
    case 'stateMachineAlias':
      // The console shows an alias on its state machine's page.
      return ref.arn && `${base('states')}#/statemachines/view/${encodeURIComponent(ref.arn.split(':').slice(0, 7).join(':'))}`;
    case 'stateMachineExecution':
      return arn && `${base('states')}#/v2/executions/details/${arn}`;
    case 'activity':
      return arn && `${base('states')}#/activities/view/${arn}`;
    case 'imageBuilderWorkflow':
    case 'imageBuilderBuildVersion':
      return arn && `${base('imagebuilder')}#/workflows/${arn}`;
    case 'mwaaEnvironment':
      return `${base('mwaa')}#environments/${encodeURIComponent(ref.name)}`;
    case 'mwaaServerlessWorkflow':
    case 'mwaaServerlessVersion':
    case 'mwaaServerlessRun':
      return `${base('mwaa')}#serverless/workflows/${encodeURIComponent(ref.workflowName ?? ref.name)}`;
  }
}
