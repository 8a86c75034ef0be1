/** Loads the repository's and the template's workflow files for the workflow tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

export interface Job {
  if?: string;
  'runs-on'?: string;
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  strategy?: { matrix?: { include?: Record<string, unknown>[] } };
  steps?: Step[];
}

export interface Workflow {
  name?: string;
  on?: Record<string, { types?: string[]; workflows?: string[] } | null>;
  permissions?: Record<string, string>;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

export interface WorkflowFile {
  /** Path relative to the repository root. */
  path: string;
  text: string;
  workflow: Workflow;
}

export const WORKFLOW_DIRS = ['.github/workflows', 'template/.github/workflows'];

export function workflowFiles(): WorkflowFile[] {
  return WORKFLOW_DIRS.flatMap((dir) =>
    readdirSync(join(repoRoot, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => {
        const full = join(repoRoot, dir, name);
        const text = readFileSync(full, 'utf8');
        return { path: relative(repoRoot, full), text, workflow: parse(text) as Workflow };
      }),
  );
}

export function workflowFile(path: string): WorkflowFile {
  const found = workflowFiles().find((file) => file.path === path);
  if (!found) throw new Error(`no workflow file ${path}`);
  return found;
}

export function allSteps(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
}
