/**
 * Parses action.yml with @actions/workflow-parser and prints the result as JSON. Run in its own
 * process under tsx: the parser imports its schema JSON without an import attribute, which Node's
 * loader (and so vitest, which leaves node_modules to Node) refuses.
 */
import { readFileSync } from 'node:fs';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';

const path = process.argv[2] ?? 'action.yml';
const parsed = parseAction(
  { name: path, content: readFileSync(path, 'utf8') },
  new NoOperationTraceWriter(),
);
const errors = parsed.context.errors.getErrors().map((error) => error.message);
const action = parsed.value ? convertActionTemplate(parsed.context, parsed.value) : undefined;
process.stdout.write(
  JSON.stringify({
    errors,
    runs: action?.runs,
    inputs: action?.inputs?.map((input) => input.id) ?? [],
    outputs: action?.outputs?.map((output) => output.id) ?? [],
  }),
);
