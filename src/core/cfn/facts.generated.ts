// GENERATED FILE - DO NOT EDIT. Regenerate with `npm run generate` (scripts/generate-cfn-facts.mjs).
// Source: ../shared/reference/cloudformation/schemas:
//   aws-stepfunctions-statemachine.json (sha256 5dd45189277cc814a52af6b1da7ab9300cb0ddbfed0555586e84962e8a58a3bb)
//   aws-stepfunctions-activity.json (sha256 01bcb0557e6623e1ee6627349e45d30fc328a5890f83cf56a7a41006d21d6f24)
//   aws-imagebuilder-workflow.json (sha256 fb3a6e86087448a082a352125f89e81a4875810d016f13b86b1b6e0b1c9b55a1)
//   aws-mwaaserverless-workflow.json (sha256 47183150509be296493bfc9470d364a89e9e5a042a1ce5faa5fcbc45af64dbe6)
//   aws-mwaa-environment.json (sha256 acfbc38f9e63370df14c2d50ea6304d8e55322a0b8337a78f605a8d589681cec)
//   sam-serverless-statemachine.schema.json (sha256 f8e017c8214fc67828e4ff0c784be134a90d2a5aa8297b230cd3102c4341895c)

/* eslint-disable */
export interface PropertyFacts {
  types?: readonly string[];
  enum?: readonly (string | number)[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  properties?: Readonly<Record<string, PropertyFacts>>;
  required?: readonly string[];
  /** additionalProperties: false */
  closed?: boolean;
  items?: PropertyFacts;
  /** The schema of every value of a map (patternProperties or additionalProperties). */
  values?: PropertyFacts;
}

export interface ResourceFacts extends PropertyFacts {
  /** Read-only attributes (removed from properties). */
  readOnly: readonly string[];
  /** SAM property → the CloudFormation property it becomes. */
  passThrough?: Readonly<Record<string, string>>;
  source: string;
}

export const CFN_RESOURCE_FACTS: Readonly<Record<string, ResourceFacts>> = {
  "AWS::StepFunctions::StateMachine": {
    "properties": {
      "DefinitionString": {
        "types": [
          "string"
        ],
        "minLength": 1,
        "maxLength": 1048576
      },
      "RoleArn": {
        "types": [
          "string"
        ],
        "minLength": 1,
        "maxLength": 256
      },
      "StateMachineName": {
        "types": [
          "string"
        ],
        "minLength": 1,
        "maxLength": 80
      },
      "StateMachineType": {
        "types": [
          "string"
        ],
        "enum": [
          "STANDARD",
          "EXPRESS"
        ]
      },
      "LoggingConfiguration": {
        "types": [
          "object"
        ],
        "properties": {
          "Level": {
            "types": [
              "string"
            ],
            "enum": [
              "ALL",
              "ERROR",
              "FATAL",
              "OFF"
            ]
          },
          "IncludeExecutionData": {
            "types": [
              "boolean"
            ]
          },
          "Destinations": {
            "types": [
              "array"
            ],
            "minItems": 1,
            "items": {
              "types": [
                "object"
              ],
              "properties": {
                "CloudWatchLogsLogGroup": {
                  "types": [
                    "object"
                  ],
                  "properties": {
                    "LogGroupArn": {
                      "types": [
                        "string"
                      ],
                      "minLength": 1,
                      "maxLength": 256
                    }
                  },
                  "closed": true
                }
              },
              "closed": true
            }
          }
        },
        "closed": true
      },
      "TracingConfiguration": {
        "types": [
          "object"
        ],
        "properties": {
          "Enabled": {
            "types": [
              "boolean"
            ]
          }
        },
        "closed": true
      },
      "EncryptionConfiguration": {
        "types": [
          "object"
        ],
        "properties": {
          "KmsKeyId": {
            "types": [
              "string"
            ],
            "minLength": 1,
            "maxLength": 2048
          },
          "KmsDataKeyReusePeriodSeconds": {
            "types": [
              "integer"
            ],
            "minimum": 60,
            "maximum": 900
          },
          "Type": {
            "types": [
              "string"
            ],
            "enum": [
              "CUSTOMER_MANAGED_KMS_KEY",
              "AWS_OWNED_KEY"
            ]
          }
        },
        "required": [
          "Type"
        ],
        "closed": true
      },
      "DefinitionS3Location": {
        "types": [
          "object"
        ],
        "properties": {
          "Bucket": {
            "types": [
              "string"
            ]
          },
          "Key": {
            "types": [
              "string"
            ]
          },
          "Version": {
            "types": [
              "string"
            ]
          }
        },
        "required": [
          "Bucket",
          "Key"
        ],
        "closed": true
      },
      "DefinitionSubstitutions": {
        "types": [
          "object"
        ],
        "minProperties": 1,
        "values": {
          "types": [
            "boolean",
            "integer",
            "string"
          ]
        }
      },
      "Definition": {
        "types": [
          "object"
        ],
        "minProperties": 1
      },
      "Tags": {
        "types": [
          "array"
        ],
        "items": {
          "types": [
            "object"
          ],
          "properties": {
            "Key": {
              "types": [
                "string"
              ],
              "minLength": 1,
              "maxLength": 128
            },
            "Value": {
              "types": [
                "string"
              ],
              "minLength": 1,
              "maxLength": 256
            }
          },
          "required": [
            "Key",
            "Value"
          ],
          "closed": true
        }
      }
    },
    "required": [
      "RoleArn"
    ],
    "closed": true,
    "readOnly": [
      "Arn",
      "Name",
      "StateMachineRevisionId"
    ],
    "source": "schemas/aws-stepfunctions-statemachine.json"
  },
  "AWS::StepFunctions::Activity": {
    "properties": {
      "Name": {
        "types": [
          "string"
        ],
        "minLength": 1,
        "maxLength": 80
      },
      "Tags": {
        "types": [
          "array"
        ],
        "items": {
          "types": [
            "object"
          ],
          "properties": {
            "Key": {
              "types": [
                "string"
              ],
              "minLength": 1,
              "maxLength": 128
            },
            "Value": {
              "types": [
                "string"
              ],
              "minLength": 1,
              "maxLength": 256
            }
          },
          "required": [
            "Key",
            "Value"
          ],
          "closed": true
        }
      },
      "EncryptionConfiguration": {
        "types": [
          "object"
        ],
        "properties": {
          "KmsKeyId": {
            "types": [
              "string"
            ],
            "minLength": 1,
            "maxLength": 2048
          },
          "KmsDataKeyReusePeriodSeconds": {
            "types": [
              "integer"
            ],
            "minimum": 60,
            "maximum": 900
          },
          "Type": {
            "types": [
              "string"
            ],
            "enum": [
              "CUSTOMER_MANAGED_KMS_KEY",
              "AWS_OWNED_KEY"
            ]
          }
        },
        "required": [
          "Type"
        ],
        "closed": true
      }
    },
    "required": [
      "Name"
    ],
    "closed": true,
    "readOnly": [
      "Arn"
    ],
    "source": "schemas/aws-stepfunctions-activity.json"
  },
  "AWS::ImageBuilder::Workflow": {
    "properties": {
      "Name": {
        "types": [
          "string"
        ]
      },
      "Version": {
        "types": [
          "string"
        ]
      },
      "Description": {
        "types": [
          "string"
        ]
      },
      "ChangeDescription": {
        "types": [
          "string"
        ]
      },
      "Type": {
        "types": [
          "string"
        ],
        "enum": [
          "BUILD",
          "TEST",
          "DISTRIBUTION"
        ]
      },
      "Data": {
        "types": [
          "string"
        ],
        "minLength": 1,
        "maxLength": 16000
      },
      "Uri": {
        "types": [
          "string"
        ]
      },
      "KmsKeyId": {
        "types": [
          "string"
        ]
      },
      "Tags": {
        "types": [
          "object"
        ],
        "values": {
          "types": [
            "string"
          ]
        }
      }
    },
    "required": [
      "Name",
      "Type",
      "Version"
    ],
    "closed": true,
    "readOnly": [
      "Arn",
      "LatestVersion"
    ],
    "source": "schemas/aws-imagebuilder-workflow.json"
  },
  "AWS::MWAAServerless::Workflow": {
    "properties": {
      "Name": {
        "types": [
          "string"
        ],
        "pattern": "^[a-zA-Z0-9]+[a-zA-Z0-9\\.\\-_]*$",
        "minLength": 1,
        "maxLength": 255
      },
      "Description": {
        "types": [
          "string"
        ],
        "pattern": "^.+$",
        "minLength": 1,
        "maxLength": 1024
      },
      "DefinitionS3Location": {
        "types": [
          "object"
        ],
        "properties": {
          "Bucket": {
            "types": [
              "string"
            ],
            "minLength": 1
          },
          "ObjectKey": {
            "types": [
              "string"
            ],
            "minLength": 1
          },
          "VersionId": {
            "types": [
              "string"
            ]
          }
        },
        "required": [
          "Bucket",
          "ObjectKey"
        ],
        "closed": true
      },
      "RoleArn": {
        "types": [
          "string"
        ],
        "pattern": "^arn:aws(?:-(?:cn|us-gov|iso|iso-b|iso-e|iso-f))?:iam::[0-9]{12}:role(/[a-zA-Z0-9+=,.@_-]{1,512})*?/[a-zA-Z0-9+=,.@_-]{1,64}$",
        "minLength": 1,
        "maxLength": 2048
      },
      "EncryptionConfiguration": {
        "types": [
          "object"
        ],
        "properties": {
          "Type": {
            "types": [
              "string"
            ],
            "enum": [
              "AWS_MANAGED_KEY",
              "CUSTOMER_MANAGED_KEY"
            ]
          },
          "KmsKeyId": {
            "types": [
              "string"
            ]
          }
        },
        "required": [
          "Type"
        ],
        "closed": true
      },
      "LoggingConfiguration": {
        "types": [
          "object"
        ],
        "properties": {
          "LogGroupName": {
            "types": [
              "string"
            ],
            "minLength": 1
          }
        },
        "required": [
          "LogGroupName"
        ],
        "closed": true
      },
      "NetworkConfiguration": {
        "types": [
          "object"
        ],
        "properties": {
          "SecurityGroupIds": {
            "types": [
              "array"
            ],
            "items": {
              "types": [
                "string"
              ]
            }
          },
          "SubnetIds": {
            "types": [
              "array"
            ],
            "items": {
              "types": [
                "string"
              ]
            }
          }
        },
        "closed": true
      },
      "Tags": {
        "types": [
          "object"
        ],
        "maxProperties": 50,
        "values": {
          "types": [
            "string"
          ],
          "minLength": 0,
          "maxLength": 256
        }
      },
      "TriggerMode": {
        "types": [
          "string"
        ],
        "minLength": 1,
        "maxLength": 255
      }
    },
    "required": [
      "DefinitionS3Location",
      "RoleArn"
    ],
    "closed": true,
    "readOnly": [
      "WorkflowArn",
      "WorkflowVersion",
      "CreatedAt",
      "ModifiedAt",
      "WorkflowStatus",
      "ScheduleConfiguration"
    ],
    "source": "schemas/aws-mwaaserverless-workflow.json"
  },
  "AWS::MWAA::Environment": {
    "properties": {
      "Name": {
        "types": [
          "string"
        ],
        "pattern": "^[a-zA-Z][0-9a-zA-Z\\-_]*$",
        "minLength": 1,
        "maxLength": 80
      },
      "ExecutionRoleArn": {
        "types": [
          "string"
        ],
        "pattern": "^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b)(-[a-z]+)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$",
        "maxLength": 1224
      },
      "KmsKey": {
        "types": [
          "string"
        ],
        "pattern": "^(((arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b)(-[a-z]+)?:kms:[a-z]{2}-[a-z]+-\\d:\\d+:)?key\\/)?[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}|(arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):kms:[a-z]{2}-[a-z]+-\\d:\\d+:)?alias/.+)$",
        "maxLength": 1224
      },
      "AirflowVersion": {
        "types": [
          "string"
        ],
        "pattern": "^[0-9a-z.]+$",
        "maxLength": 32
      },
      "SourceBucketArn": {
        "types": [
          "string"
        ],
        "pattern": "^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b)(-[a-z]+)?:s3:::[a-z0-9.\\-]+$",
        "minLength": 1,
        "maxLength": 1224
      },
      "DagS3Path": {
        "types": [
          "string"
        ],
        "pattern": ".*",
        "maxLength": 1024
      },
      "PluginsS3Path": {
        "types": [
          "string"
        ],
        "pattern": ".*",
        "maxLength": 1024
      },
      "PluginsS3ObjectVersion": {
        "types": [
          "string"
        ],
        "maxLength": 1024
      },
      "RequirementsS3Path": {
        "types": [
          "string"
        ],
        "pattern": ".*",
        "maxLength": 1024
      },
      "RequirementsS3ObjectVersion": {
        "types": [
          "string"
        ],
        "maxLength": 1024
      },
      "StartupScriptS3Path": {
        "types": [
          "string"
        ],
        "pattern": ".*",
        "maxLength": 1024
      },
      "StartupScriptS3ObjectVersion": {
        "types": [
          "string"
        ],
        "maxLength": 1024
      },
      "AirflowConfigurationOptions": {
        "types": [
          "object"
        ]
      },
      "EnvironmentClass": {
        "types": [
          "string"
        ],
        "minLength": 1,
        "maxLength": 1024
      },
      "MaxWorkers": {
        "types": [
          "integer"
        ],
        "minimum": 1
      },
      "MinWorkers": {
        "types": [
          "integer"
        ],
        "minimum": 1
      },
      "MaxWebservers": {
        "types": [
          "integer"
        ],
        "minimum": 1
      },
      "MinWebservers": {
        "types": [
          "integer"
        ],
        "minimum": 1
      },
      "Schedulers": {
        "types": [
          "integer"
        ],
        "minimum": 1
      },
      "NetworkConfiguration": {
        "types": [
          "object"
        ],
        "properties": {
          "SubnetIds": {
            "types": [
              "array"
            ],
            "minItems": 2,
            "maxItems": 2,
            "items": {
              "types": [
                "string"
              ],
              "pattern": "^subnet-[a-zA-Z0-9\\-._]+$",
              "maxLength": 1024
            }
          },
          "SecurityGroupIds": {
            "types": [
              "array"
            ],
            "minItems": 1,
            "maxItems": 5,
            "items": {
              "types": [
                "string"
              ],
              "pattern": "^sg-[a-zA-Z0-9\\-._]+$",
              "minLength": 1,
              "maxLength": 1024
            }
          }
        },
        "closed": true
      },
      "LoggingConfiguration": {
        "types": [
          "object"
        ],
        "properties": {
          "DagProcessingLogs": {
            "types": [
              "object"
            ],
            "properties": {
              "Enabled": {
                "types": [
                  "boolean"
                ]
              },
              "LogLevel": {
                "types": [
                  "string"
                ],
                "enum": [
                  "CRITICAL",
                  "ERROR",
                  "WARNING",
                  "INFO",
                  "DEBUG"
                ]
              },
              "CloudWatchLogGroupArn": {
                "types": [
                  "string"
                ],
                "pattern": "^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b)(-[a-z]+)?:logs:[a-z0-9\\-]+:\\d{12}:log-group:\\w+",
                "maxLength": 1224
              }
            },
            "closed": true
          },
          "SchedulerLogs": {
            "types": [
              "object"
            ],
            "properties": {
              "Enabled": {
                "types": [
                  "boolean"
                ]
              },
              "LogLevel": {
                "types": [
                  "string"
                ],
                "enum": [
                  "CRITICAL",
                  "ERROR",
                  "WARNING",
                  "INFO",
                  "DEBUG"
                ]
              },
              "CloudWatchLogGroupArn": {
                "types": [
                  "string"
                ],
                "pattern": "^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b)(-[a-z]+)?:logs:[a-z0-9\\-]+:\\d{12}:log-group:\\w+",
                "maxLength": 1224
              }
            },
            "closed": true
          },
          "WebserverLogs": {
            "types": [
              "object"
            ],
            "properties": {
              "Enabled": {
                "types": [
                  "boolean"
                ]
              },
              "LogLevel": {
                "types": [
                  "string"
                ],
                "enum": [
                  "CRITICAL",
                  "ERROR",
                  "WARNING",
                  "INFO",
                  "DEBUG"
                ]
              },
              "CloudWatchLogGroupArn": {
                "types": [
                  "string"
                ],
                "pattern": "^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b)(-[a-z]+)?:logs:[a-z0-9\\-]+:\\d{12}:log-group:\\w+",
                "maxLength": 1224
              }
            },
            "closed": true
          },
          "WorkerLogs": {
            "types": [
              "object"
            ],
            "properties": {
              "Enabled": {
                "types": [
                  "boolean"
                ]
              },
              "LogLevel": {
                "types": [
                  "string"
                ],
                "enum": [
                  "CRITICAL",
                  "ERROR",
                  "WARNING",
                  "INFO",
                  "DEBUG"
                ]
              },
              "CloudWatchLogGroupArn": {
                "types": [
                  "string"
                ],
                "pattern": "^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b)(-[a-z]+)?:logs:[a-z0-9\\-]+:\\d{12}:log-group:\\w+",
                "maxLength": 1224
              }
            },
            "closed": true
          },
          "TaskLogs": {
            "types": [
              "object"
            ],
            "properties": {
              "Enabled": {
                "types": [
                  "boolean"
                ]
              },
              "LogLevel": {
                "types": [
                  "string"
                ],
                "enum": [
                  "CRITICAL",
                  "ERROR",
                  "WARNING",
                  "INFO",
                  "DEBUG"
                ]
              },
              "CloudWatchLogGroupArn": {
                "types": [
                  "string"
                ],
                "pattern": "^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b)(-[a-z]+)?:logs:[a-z0-9\\-]+:\\d{12}:log-group:\\w+",
                "maxLength": 1224
              }
            },
            "closed": true
          }
        },
        "closed": true
      },
      "WeeklyMaintenanceWindowStart": {
        "types": [
          "string"
        ],
        "pattern": "(MON|TUE|WED|THU|FRI|SAT|SUN):([01]\\d|2[0-3]):(00|30)",
        "maxLength": 9
      },
      "Tags": {
        "types": [
          "object"
        ]
      },
      "WebserverAccessMode": {
        "types": [
          "string"
        ],
        "enum": [
          "PRIVATE_ONLY",
          "PUBLIC_ONLY",
          "PUBLIC_AND_PRIVATE"
        ]
      },
      "EndpointManagement": {
        "types": [
          "string"
        ],
        "enum": [
          "CUSTOMER",
          "SERVICE"
        ]
      },
      "WorkerReplacementStrategy": {
        "types": [
          "string"
        ],
        "enum": [
          "FORCED",
          "GRACEFUL"
        ]
      }
    },
    "required": [
      "Name"
    ],
    "closed": true,
    "readOnly": [
      "Arn",
      "CeleryExecutorQueue",
      "DatabaseVpcEndpointService",
      "WebserverVpcEndpointService",
      "WebserverUrl"
    ],
    "source": "schemas/aws-mwaa-environment.json"
  },
  "AWS::Serverless::StateMachine": {
    "types": [
      "object"
    ],
    "properties": {
      "AutoPublishAlias": {},
      "Definition": {
        "types": [
          "object"
        ]
      },
      "DefinitionSubstitutions": {
        "types": [
          "object"
        ]
      },
      "DefinitionUri": {},
      "DeploymentPreference": {},
      "Events": {
        "types": [
          "object"
        ],
        "values": {
          "types": [
            "object"
          ]
        }
      },
      "Logging": {
        "types": [
          "object"
        ],
        "properties": {
          "Level": {
            "types": [
              "string"
            ],
            "enum": [
              "ALL",
              "ERROR",
              "FATAL",
              "OFF"
            ]
          },
          "IncludeExecutionData": {
            "types": [
              "boolean"
            ]
          },
          "Destinations": {
            "types": [
              "array"
            ],
            "minItems": 1,
            "items": {
              "types": [
                "object"
              ],
              "properties": {
                "CloudWatchLogsLogGroup": {
                  "types": [
                    "object"
                  ],
                  "properties": {
                    "LogGroupArn": {
                      "types": [
                        "string"
                      ],
                      "minLength": 1,
                      "maxLength": 256
                    }
                  },
                  "closed": true
                }
              },
              "closed": true
            }
          }
        },
        "closed": true
      },
      "Name": {
        "types": [
          "string"
        ],
        "minLength": 1,
        "maxLength": 80
      },
      "PermissionsBoundary": {},
      "Policies": {
        "types": [
          "array",
          "object",
          "string"
        ]
      },
      "PropagateTags": {
        "types": [
          "boolean"
        ]
      },
      "Role": {
        "types": [
          "string"
        ],
        "minLength": 1,
        "maxLength": 256
      },
      "RolePath": {},
      "Tags": {
        "types": [
          "object"
        ]
      },
      "Tracing": {
        "types": [
          "object"
        ],
        "properties": {
          "Enabled": {
            "types": [
              "boolean"
            ]
          }
        },
        "closed": true
      },
      "Type": {
        "types": [
          "string"
        ],
        "enum": [
          "STANDARD",
          "EXPRESS"
        ]
      },
      "UseAliasAsEventTarget": {
        "types": [
          "boolean"
        ]
      }
    },
    "closed": true,
    "readOnly": [],
    "passThrough": {
      "Name": "StateMachineName",
      "Type": "StateMachineType",
      "Logging": "LoggingConfiguration",
      "Tracing": "TracingConfiguration",
      "Role": "RoleArn"
    },
    "source": "schemas/sam-serverless-statemachine.schema.json"
  }
};
