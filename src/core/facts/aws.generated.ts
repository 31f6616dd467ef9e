// GENERATED FILE - DO NOT EDIT. Regenerate with `npm run generate` (scripts/generate-facts.mjs).
// Source: ../shared/reference/aws-models, botocore 0e6e2404 (2026-08-07):
//   stepfunctions.json (API 2016-11-23, sha256 bfb8c218406d)
//   imagebuilder.json (API 2019-12-02, sha256 b2b590b3daa1)
//   mwaa.json (API 2020-07-01, sha256 6c0b28dac50d)
//   mwaa-serverless.json (API 2024-07-26, sha256 ea568122a294)
// Patterns are anchored here (the models' are not); compile them with the 'u' flag.

/* eslint-disable */
export const AWS_FACTS = {
  "sfn": {
    "stateMachineName": {
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
    "activityName": {
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
    "roleArn": {
      "min": 1,
      "max": 256
    },
    "stateMachineType": [
      "STANDARD",
      "EXPRESS"
    ],
    "definition": {
      "min": 1,
      "max": 1048576
    },
    "versionDescription": {
      "max": 256
    },
    "encryptionType": [
      "AWS_OWNED_KEY",
      "CUSTOMER_MANAGED_KMS_KEY"
    ],
    "kmsKeyId": {
      "min": 1,
      "max": 2048,
      "crossAccountNeedsArn": true
    },
    "kmsDataKeyReusePeriodSeconds": {
      "min": 60,
      "max": 900
    },
    "logLevel": [
      "ALL",
      "ERROR",
      "FATAL",
      "OFF"
    ],
    "logGroupArn": {
      "min": 1,
      "max": 256,
      "mustEndWith": ":*"
    },
    "tags": {
      "key": {
        "min": 1,
        "max": 128
      },
      "value": {
        "min": 0,
        "max": 256
      },
      "characters": {
        "pattern": "^[\\p{L}\\p{N}\\s_.:/=+\\-@]*$",
        "symbols": "_ . : / = + - @"
      }
    }
  },
  "imagebuilder": {
    "workflowName": {
      "pattern": "^[-_A-Za-z-0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z-0-9]$"
    },
    "semanticVersion": {
      "pattern": "^[0-9]+\\.[0-9]+\\.[0-9]+$",
      "nodeMax": 1073741823
    },
    "workflowType": [
      "BUILD",
      "TEST",
      "DISTRIBUTION"
    ],
    "description": {
      "min": 1,
      "max": 1024
    },
    "changeDescription": {
      "min": 1,
      "max": 1024
    },
    "kmsKeyId": {
      "min": 1,
      "max": 1024,
      "forms": [
        "keyArn",
        "aliasArn"
      ]
    },
    "inlineData": {
      "min": 1,
      "max": 16000,
      "pattern": "^(?:[^\\x00]+)$"
    },
    "tags": {
      "minCount": 1,
      "maxCount": 50,
      "key": {
        "min": 1,
        "max": 128,
        "pattern": "^(?!aws:)[a-zA-Z0-9\\s_.:/=+\\-@]*$"
      },
      "value": {
        "max": 256
      }
    }
  },
  "mwaa": {
    "environmentName": {
      "min": 1,
      "max": 80,
      "pattern": "^(?:[a-zA-Z][0-9a-zA-Z-_]*)$"
    },
    "executionRoleArn": {
      "min": 1,
      "max": 1224,
      "pattern": "^(?:arn:aws(-[a-z]+)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+)$"
    },
    "kmsKey": {
      "min": 1,
      "max": 1224,
      "pattern": "^(?:(((arn:aws(-[a-z]+)?:kms:[a-z]{2}-[a-z]+-\\d:\\d+:)?key\\/)?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}|(arn:aws(-[a-z]+)?:kms:[a-z]{2}-[a-z]+-\\d:\\d+:)?alias/.+))$"
    },
    "tags": {
      "minCount": 1,
      "maxCount": 50,
      "key": {
        "min": 1,
        "max": 128,
        "pattern": "^(?:([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*))$"
      },
      "value": {
        "min": 1,
        "max": 256,
        "pattern": "^(?:([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*))$"
      }
    }
  },
  "mwaaServerless": {
    "workflowName": {
      "min": 1,
      "max": 255,
      "pattern": "^(?:[a-zA-Z0-9]+[a-zA-Z0-9\\.\\-_]*)$"
    },
    "roleArn": {
      "min": 1,
      "max": 2048,
      "pattern": "^(?:arn:aws(?:-(?:cn|us-gov|iso|iso-b|iso-e|iso-f))?:iam::[0-9]{12}:role(/[a-zA-Z0-9+=,.@_\\-]{1,512})*?/[a-zA-Z0-9+=,.@_\\-]{1,64})$"
    },
    "description": {
      "min": 1,
      "max": 1024,
      "pattern": "^(?:.+)$"
    },
    "engineVersions": [
      1
    ],
    "encryptionType": [
      "AWS_MANAGED_KEY",
      "CUSTOMER_MANAGED_KEY"
    ],
    "kmsKeyId": {},
    "logGroupName": {},
    "securityGroupId": {
      "min": 1,
      "max": 255,
      "pattern": "^(?:sg-[a-z0-9]*)$"
    },
    "subnetId": {
      "min": 1,
      "max": 255,
      "pattern": "^(?:subnet-[a-z0-9]*)$"
    },
    "triggerMode": {
      "min": 1,
      "max": 255
    },
    "tags": {
      "maxCount": 50,
      "key": {
        "min": 1,
        "max": 128
      },
      "value": {
        "min": 0,
        "max": 256
      }
    },
    "clientToken": {
      "min": 1,
      "max": 128,
      "pattern": "^(?:[\\x21-\\x7E]+)$"
    }
  },
  "iam": {
    "roleArnPattern": "^(?:arn:aws(?:-(?:cn|us-gov|iso|iso-b|iso-e|iso-f))?:iam::[0-9]{12}:role(/[a-zA-Z0-9+=,.@_\\-]{1,512})*?/[a-zA-Z0-9+=,.@_\\-]{1,64})$",
    "partitions": [
      "aws",
      "aws-cn",
      "aws-us-gov",
      "aws-iso",
      "aws-iso-b",
      "aws-iso-e",
      "aws-iso-f"
    ]
  }
} as const;

export type AwsFacts = typeof AWS_FACTS;
