// The MWAA Serverless run code (nodes, commands, task log documents) as ONE lazily loaded module:
// the tree's first expand of a workflow and the first run command import the same chunk, so the
// split build does not cut the activation chunks along two more lines (activation budget).
export { workflowChildren } from './nodes/serverless/workflowChildren';
export { serverlessCommands } from './commands/serverlessCommands';
