/**
 * deployService against the simulated cluster with the real kubectl: the fail-fast paths and the
 * rule that an accepted named template is never sent again. The sim models Knative Serving
 * knative-v1.22.1 (test/sim/README.md); its own tests cite the upstream files.
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kubectl } from '../../../src/cluster/kubectl.js';
import { deployService, RevisionFailedError } from '../../../src/deploy/deploy-services.js';
import type { KubeObject } from '../../../src/kube/object.js';
import { renderService } from '../../../src/plan/render.js';
import type { ServicePlan, TrafficTarget } from '../../../src/plan/types.js';
import { setLog, type Log } from '../../../src/util/log.js';
import { ToolError, type ToolResult, type ToolRunner } from '../../../src/util/tool-runner.js';
import {
  importImages,
  installKnative,
  startHarness,
  type Harness,
} from '../sim-cluster/helpers.js';

function userService(name: string, image: string): KubeObject {
  return {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { template: { spec: { containers: [{ image }] } } },
  };
}

function plan(name: string, images: { base: string; pr: string }, prPercent = 50): ServicePlan {
  const revisions = { base: `${name}-base-aaaaaaa`, pr: `${name}-pr-bbbbbbb` };
  const traffic: TrafficTarget[] = [
    { revisionName: revisions.base, percent: 100 - prPercent, tag: 'base' },
    { revisionName: revisions.pr, percent: prPercent, tag: 'pr' },
  ];
  const host = `${name}.default.example.com`;
  return {
    name,
    namespace: 'default',
    source: { file: 'knative/service.yaml', line: 1 },
    mode: 'canary',
    revisions,
    manifests: {
      base: renderService(userService(name, images.base), {
        namespace: 'default',
        revision: revisions.base,
        traffic: [{ revisionName: revisions.base, percent: 100, tag: 'base' }],
      }),
      pr: renderService(userService(name, images.pr), {
        namespace: 'default',
        revision: revisions.pr,
        traffic,
      }),
    },
    traffic,
    expected: { [revisions.base]: 100 - prPercent, [revisions.pr]: prPercent },
    host,
    url: `http://${host}`,
    tagHosts: { base: `base-${host}`, pr: `pr-${host}` },
  };
}

/** The real kubectl, run plainly (the action's runner adds only logging and an allow-listed env). */
const kubectlRunner: ToolRunner = {
  tool: 'kubectl',
  run: (args, options) =>
    new Promise<ToolResult>((resolve) => {
      const child = execFile(
        'kubectl',
        [...args],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) =>
          resolve({
            exitCode: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
            stdout,
            stderr,
          }),
      );
      child.stdin?.end(options?.input ?? '');
    }),
  async runOk(args, options) {
    const result = await this.run(args, options);
    if (result.exitCode !== 0) throw new ToolError(`kubectl ${args.join(' ')}`, result);
    return result;
  },
};

const lines: string[] = [];
const quietLog: Log = {
  info: (m) => lines.push(m),
  warning: (m) => lines.push(m),
  error: (m) => lines.push(m),
  debug: () => undefined,
  group: (_title, work) => work(),
  branch: () => quietLog,
  secret: () => undefined,
};

describe('deployService on the simulated Knative', () => {
  let h: Harness;
  let kubectl: Kubectl;
  let previousLog: Log;
  const options = { timeoutMs: 60_000, intervalMs: 300 };
  beforeAll(async () => {
    previousLog = setLog(quietLog);
    h = await startHarness();
    await installKnative(h);
    await importImages(h, ['dev.local/app:a', 'dev.local/app:b']);
    kubectl = new Kubectl(kubectlRunner, h.kubeconfig);
  }, 60_000);
  afterAll(async () => {
    setLog(previousLog);
    await h?.stop();
  });

  it('never re-sends an accepted named template: it patches only the traffic, or does nothing', async () => {
    await deployService(
      kubectl,
      plan('again', { base: 'dev.local/app:a', pr: 'dev.local/app:b' }),
      options,
    );
    // The PR template is now accepted. A later apply of the same manifest (a retry after an
    // attempt that got through, a re-run with another split) would be refused by Knative: no
    // defaulting under an unchanged name, so the undefaulted containers count as a change.
    const resplit = plan('again', { base: 'dev.local/app:a', pr: 'dev.local/app:b' }, 20);
    const prOnly: ServicePlan = {
      ...resplit,
      revisions: { pr: resplit.revisions.pr },
      manifests: { pr: resplit.manifests.pr },
    };
    await deployService(kubectl, prOnly, options);
    expect(lines.join('\n')).toContain(
      'its PR template is already applied; patching only the traffic',
    );
    const traffic = JSON.parse(
      await h.ok(['get', 'ksvc', 'again', '-o', 'jsonpath={.status.traffic}']),
    ) as { revisionName: string; percent: number }[];
    expect(traffic.map((t) => `${t.revisionName}=${t.percent}`)).toEqual([
      'again-base-aaaaaaa=80',
      'again-pr-bbbbbbb=20',
    ]);
    await deployService(kubectl, prOnly, options);
    expect(lines.join('\n')).toContain('its PR template and traffic are already applied');
    // What a plain re-apply would have met:
    const reapplied = await h.kubectl(['apply', '-f', '-'], JSON.stringify(prOnly.manifests.pr));
    expect(reapplied.stderr).toContain('Saw the following changes without a name change');
  });

  it('fails on a pod that cannot pull its image while Knative still says Deploying', async () => {
    const service = plan('typo', { base: 'dev.local/app:a', pr: 'dev.local/app:c' });
    const error = await deployService(kubectl, service, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RevisionFailedError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^revision typo-pr-bbbbbbb will not become Ready: (ErrImagePull|ImagePullBackOff): container user-container \(image dev\.local\/app:c\) in pod typo-pr-bbbbbbb-deployment-\S+ cannot start; kubelet: .*failed to pull and unpack image "dev\.local\/app:c".*no such host; Knative: revision typo-pr-bbbbbbb Ready=Unknown \(Deploying\)$/,
    );
    // Knative itself has not given up: its progress deadline (600 s) is far away.
    expect(
      await h.ok([
        'get',
        'revision',
        'typo-pr-bbbbbbb',
        '-o',
        'jsonpath={.status.conditions[?(@.type=="Ready")].status}',
      ]),
    ).toBe('Unknown');
  });

  it('fails at once on an image Knative cannot resolve (ContainerMissing)', async () => {
    const service = plan('missing', { base: 'dev.local/app:a', pr: 'ghcr.io/acme/typo:1' });
    await expect(deployService(kubectl, service, options)).rejects.toThrow(
      /^revision missing-pr-bbbbbbb will not become Ready: ContainerMissing: Unable to fetch image "ghcr\.io\/acme\/typo:1"/,
    );
  });

  it('fails when the revision name is taken by a revision this apply did not make', async () => {
    await h.ok(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'serving.knative.dev/v1',
        kind: 'Revision',
        metadata: { name: 'taken-base-aaaaaaa', namespace: 'default' },
        spec: { containers: [{ image: 'dev.local/app:a' }] },
      }),
    );
    await expect(
      deployService(
        kubectl,
        plan('taken', { base: 'dev.local/app:a', pr: 'dev.local/app:b' }),
        options,
      ),
    ).rejects.toThrow(
      /revision taken-base-aaaaaaa will not become Ready: (RevisionFailed: Revision creation failed with message: revisions\.serving\.knative\.dev "taken-base-aaaaaaa" already exists\.|RevisionNameTaken: .*)$/,
    );
  });
});
