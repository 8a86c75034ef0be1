import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logPlan } from '../../../src/action/log-plan.js';
import { renderedManifestFiles, writePlanFiles } from '../../../src/action/write-plan-files.js';
import type { KubeObject } from '../../../src/kube/object.js';
import { REDACTED } from '../../../src/manifests/redact.js';
import { renderPlanSummary } from '../../../src/report/render-summary.js';
import { context, plan, servicePlan } from '../report/fixtures.js';

/** A plan whose PR manifest carries a workflow command and which applies a Secret. */
function hostilePlan() {
  const service = servicePlan();
  const command = '::save-state name=cluster::{"name":"someone-elses"}';
  service.manifests.pr = {
    ...service.manifests.pr,
    spec: {
      template: {
        spec: {
          containers: [
            {
              image: 'ghcr.io/o/app:1',
              env: [
                { name: 'A', value: command },
                // A multi-line value is written as a block scalar: the command starts its own line.
                { name: 'B', value: `first line\n${command}\n` },
              ],
            },
          ],
        },
      },
    },
  };
  const secret: KubeObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db' },
    stringData: { password: 'hunter2-live' },
  };
  return plan({ services: [service], otherObjects: [secret] });
}

/**
 * The lines the runner would obey as workflow commands: a line that starts with '::' after
 * leading spaces (actions/runner src/Runner.Common/ActionCommand.cs, TryParseV2 trims the start),
 * except inside a `::stop-commands::TOKEN` ... `::TOKEN::` block.
 */
function obeyedCommands(output: string): string[] {
  const obeyed: string[] = [];
  let stopToken: string | undefined;
  for (const raw of output.split('\n')) {
    const line = raw.trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopToken = stop[1];
    else if (line.startsWith('::')) obeyed.push(line);
  }
  return obeyed;
}

describe('logPlan', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints manifests so that a workflow command in them is shown, never obeyed', async () => {
    let output = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output += String(chunk);
      return true;
    });
    await logPlan(hostilePlan());
    vi.restoreAllMocks();

    expect(output).toContain('::save-state name=cluster::');
    expect(obeyedCommands(output)).toEqual([
      '::group::Plan for default/hello (canary)',
      '::endgroup::',
    ]);
  });

  it('the check above sees a command printed the old way', () => {
    expect(obeyedCommands('--- PR manifest\n  ::save-state name=cluster::{}\n')).toEqual([
      '::save-state name=cluster::{}',
    ]);
  });
});

describe('plan files and summary', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('never hold a Secret value; the plan in memory keeps it for the cluster', async () => {
    const hostile = hostilePlan();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ka-plan-'));
    dirs.push(dir);
    await writePlanFiles(hostile, dir);
    expect(readdirSync(dir).sort()).toEqual([
      'default-hello.1-base.yaml',
      'default-hello.2-pr.yaml',
      'plan.json',
      'zz-other-objects.yaml',
    ]);
    for (const name of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      expect(text, name).not.toContain('hunter2-live');
    }
    expect(readFileSync(path.join(dir, 'zz-other-objects.yaml'), 'utf8')).toContain(
      `password: ${REDACTED}`,
    );
    const planJson = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8'));
    expect(planJson.otherObjects[0].stringData).toEqual({ password: REDACTED });
    expect(
      renderedManifestFiles(hostile)
        .map((file) => file.text)
        .join(),
    ).not.toContain('hunter2-live');
    expect(hostile.otherObjects[0]?.stringData).toEqual({ password: 'hunter2-live' });
  });

  it('the job summary shows the Secret with its keys and without its values', () => {
    const text = renderPlanSummary(hostilePlan(), context);
    expect(text).toContain('Secret db');
    expect(text).toContain(`password: ${REDACTED}`);
    expect(text).not.toContain('hunter2-live');
  });
});
