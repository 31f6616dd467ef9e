// Whether a file is a CloudFormation or SAM template, from its content only (never its name):
// `AWSTemplateFormatVersion`, the SAM transform, or top-level `Resources` with `Type: AWS::…`
// entries. A few anchored regexes, no parse: this runs on every JSON/YAML file the editor opens.

const YAML_VERSION = /^["']?AWSTemplateFormatVersion["']?[ \t]*:/m;
const YAML_SAM = /^["']?Transform["']?[ \t]*:[^\n]*AWS::Serverless-2016-10-31|^["']?Transform["']?[ \t]*:[ \t]*(#[^\n]*)?\r?\n(?:[ \t]+-[^\n]*\r?\n)*[ \t]+-[ \t]*["']?AWS::Serverless-2016-10-31/m;
const YAML_RESOURCES = /^["']?Resources["']?[ \t]*:/m;
const YAML_AWS_TYPE = /^[ \t]+["']?Type["']?[ \t]*:[ \t]*["']?(AWS|Alexa)::[A-Za-z0-9]+::/m;
const JSON_VERSION = /"AWSTemplateFormatVersion"\s*:/;
const JSON_SAM = /"Transform"\s*:\s*(\[[^\]]*)?"AWS::Serverless-2016-10-31"/;
const JSON_RESOURCES = /"Resources"\s*:\s*\{/;
const JSON_AWS_TYPE = /"Type"\s*:\s*"(AWS|Alexa)::[A-Za-z0-9]+::/;

const STATE_MACHINE_TYPE = /["']?Type["']?[ \t]*:[ \t]*["']?AWS::(StepFunctions|Serverless)::StateMachine\b/;

/** A template that declares a state machine resource (for the graph view's offer): one regex, no parse. */
export function declaresStateMachine(text: string): boolean {
  return looksLikeTemplate(text) && STATE_MACHINE_TYPE.test(text);
}

// The last answer: the CLI and the lint ask about the same text several times (kind, template
// context), and on a 1 MB definition each answer is three scans of the whole text.
let last: { text: string; answer: boolean } | undefined;

export function looksLikeTemplate(text: string): boolean {
  if (last?.text === text) return last.answer;
  const answer = text.trimStart().startsWith('{')
    ? JSON_VERSION.test(text) || JSON_SAM.test(text) || (JSON_RESOURCES.test(text) && JSON_AWS_TYPE.test(text))
    : YAML_VERSION.test(text) || YAML_SAM.test(text) || (YAML_RESOURCES.test(text) && YAML_AWS_TYPE.test(text));
  last = { text, answer };
  return answer;
}
