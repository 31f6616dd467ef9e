// Documentation of every code the template checks emit (README's rule table is generated from it).
// The schema rules cite the registry schemas (../shared/reference/cloudformation/schemas); the
// definition and substitution rules cite cfn-facts.md (the Step Functions provider and SAM translator).

import type { RuleDoc } from '../rules/ruleDoc';

export const RULES: RuleDoc[] = [
  { code: 'cfn/unknown-property', severity: 'error', summary: 'A property the resource type does not have (registry schema: additionalProperties false); suggests the closest name.', example: 'Type: AWS::StepFunctions::StateMachine\nProperties: { StateMachineNme: orders, … }' },
  { code: 'cfn/missing-property', severity: 'error', summary: 'A property the registry schema requires (RoleArn of a state machine, Name/Type/Version of an Image Builder workflow, …).', example: 'Type: AWS::StepFunctions::StateMachine\nProperties: { Definition: {…} }' },
  { code: 'cfn/wrong-type', severity: 'error', summary: 'A mapping or list where a value goes (or the reverse), or text where a number or true/false goes. Intrinsic functions are never judged.', example: 'TracingConfiguration: true' },
  { code: 'cfn/invalid-value', severity: 'error', summary: 'A value outside the schema\'s enum (StateMachineType, logging Level, workflow Type…); suggests the closest.', example: 'StateMachineType: EXPRES' },
  { code: 'cfn/pattern-mismatch', severity: 'error', summary: 'A value that does not match the schema\'s pattern.', example: 'TriggerMode: ""' },
  { code: 'cfn/length', severity: 'error', summary: 'A value shorter or longer than the schema allows (Image Builder Data: 16,000 characters).', example: 'Data: <16,001 characters>' },
  { code: 'cfn/out-of-range', severity: 'error', summary: 'A number outside the schema\'s minimum and maximum.', example: 'MaxWorkers: 0' },
  { code: 'cfn/item-count', severity: 'error', summary: 'Fewer or more items or entries than the schema allows (Destinations needs one; DefinitionSubstitutions of AWS::StepFunctions::StateMachine cannot be empty).', example: 'DefinitionSubstitutions: {}' },
  { code: 'cfn/definition-missing', severity: 'error', summary: 'A state machine without a definition (the provider and SAM require one of Definition, DefinitionString, DefinitionS3Location / DefinitionUri).', example: 'Type: AWS::Serverless::StateMachine\nProperties: { Role: … }' },
  { code: 'cfn/definition-conflict', severity: 'error', summary: 'A state machine with more than one definition property; the provider and SAM accept exactly one.', example: 'Definition: {…}\nDefinitionUri: statemachine/orders.asl.json' },
  { code: 'cfn/imagebuilder-data-and-uri', severity: 'error', summary: 'An Image Builder workflow with both Data and Uri (the documentation: specify one).', example: 'Data: |\n  …\nUri: s3://bucket/workflow.yaml' },
  { code: 'cfn/imagebuilder-data-or-uri', severity: 'error', summary: 'An Image Builder workflow with neither Data nor Uri.', example: 'Type: AWS::ImageBuilder::Workflow\nProperties: { Name: build, Version: 1.0.0, Type: BUILD }' },
  { code: 'cfn/substitution-missing', severity: 'error', summary: 'A `${X}` left in the definition with no `X` in DefinitionSubstitutions: the provider leaves it in place and the deployed definition is broken. The fix adds the key (a Ref or GetAtt when the name matches a parameter or resource).', example: 'DefinitionUri: orders.asl.json   # uses ${ChargeFunctionArn}\nDefinitionSubstitutions: { OrdersTable: !Ref Orders }' },
  { code: 'cfn/substitution-unused', severity: 'warning', summary: 'A DefinitionSubstitutions key no placeholder in the definition uses; the fix removes it.', example: 'DefinitionSubstitutions: { ModelId: anthropic.claude-v2 }   # no ${ModelId} in the definition' },
  { code: 'cfn/path-missing', severity: 'error', summary: 'A local DefinitionUri or Uri that names no file; suggests the closest name.', example: 'DefinitionUri: statemachine/order.asl.json' },
  { code: 'cfn/path-case-mismatch', severity: 'error', summary: 'A local DefinitionUri or Uri whose letter case differs from the file on disk: it works on macOS and Windows and fails on Linux (CI).', example: 'DefinitionUri: statemachine/StateMachine.asl.json   # the file is stateMachine.asl.json' },
  { code: 'cfn/internal-error', severity: 'warning', summary: 'A check failed on one resource; the message says how. Please report it.', example: '(a template that trips a bug)' },
  { code: 'cfn/path-outside-workspace', severity: 'warning', summary: 'A local DefinitionUri or Uri that leads outside the workspace (after following links); it is not read.', example: 'DefinitionUri: ../../../etc/definition.asl.json' },
];
