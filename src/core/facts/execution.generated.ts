// GENERATED FILE - DO NOT EDIT. Regenerate with `npm run generate` (scripts/generate-execution-facts.mjs).
// Source: ../shared/reference/aws-models/stepfunctions.json (API 2016-11-23, sha256 bfb8c218406d).
// Patterns are anchored here (the models' are not); compile them with the 'u' flag.

/* eslint-disable */
export const EXECUTION_FACTS = {
  "executionName": {
    "min": 1,
    "max": 80,
    "forbiddenCharacters": "<>{}[]?*\"#%\\^|~`$&,;:/",
    "forbiddenPattern": "[\\s<>{}\\[\\]?*\"#%\\\\\\^|~`$&,;:/\\u0000-\\u001f\\u007f-\\u009f\\ufffe-\\uffff]",
    "forbiddenCodePoints": [
      [
        55296,
        57343
      ],
      [
        1114111,
        1114111
      ]
    ],
    "loggingSafePattern": "^[0-9A-Za-z\\-_]+$",
    "loggingSafeDescription": "0-9, A-Z, a-z, - and _",
    "forbiddenDescription": "white space brackets < > { } [ ] wildcard characters ? * special characters \" # % \\ ^ | ~ ` $ & , ; : / control characters ( U+0000-001F , U+007F-009F , U+FFFE-FFFF ) surrogates ( U+D800-DFFF ) invalid characters ( U+10FFFF )"
  },
  "executionInput": {
    "max": 262144
  }
} as const;
