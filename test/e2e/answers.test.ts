/**
 * Apps that do not name their revision: the whole action on the simulated cluster, with images
 * built from contexts that hold an answer spec (ANSWER_SPEC_FILE) or no known app at all. The
 * probe must then tell base and PR apart by their bodies, or say why it cannot. Simulated
 * results, not a real Knative cluster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_SPEC_FILE } from '../sim/cluster/app-answer.js';
import type { Sim } from '../sim/harness.js';
import { startSim } from '../sim/harness.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import {
  removeRunnerTemps,
  reportOf,
  revisionNames,
  runPreview,
  stopSim,
  templateService,
} from './lib/preview.js';

const DOCKERFILE = 'FROM nginx:1.29-alpine\nCOPY . /usr/share/nginx/html\n';

const spec = (body: string): string =>
  JSON.stringify({ headers: { 'content-type': 'text/plain; charset=utf-8' }, body });

/**
 * A repo whose `app` folder is the build context: at the base commit with `base` as its answer
 * spec, at the head commit with `head` (undefined: no spec file, a generic app).
 */
function appRepo(base: string | undefined, head: string | undefined): TempRepo {
  const specFile = `app/${ANSWER_SPEC_FILE}`;
  return makeRepo(
    {
      'app/Dockerfile': DOCKERFILE,
      'knative/service.yaml': templateService('hello', 'Knative'),
      ...(base === undefined ? {} : { [specFile]: base }),
    },
    {
      'knative/service.yaml': templateService('hello', 'Preview'),
      ...(head === undefined ? {} : { [specFile]: head }),
    },
  );
}

interface ServiceFacts {
  verdict: string;
  reason: string;
  requests: number;
  revisions: { revision: string; side: string; responses: number; configuredPercent: number }[];
  unattributed: { count: number };
  tagChecks: { tag: string; matched: number; requests: number; sample: string }[];
}

describe.concurrent(
  'apps without a revision header, whole action on the simulated cluster',
  {
    timeout: 300_000,
  },
  () => {
    let sim: Sim;
    const repos: TempRepo[] = [];
    const repo = (base: string | undefined, head: string | undefined): TempRepo => {
      const made = appRepo(base, head);
      repos.push(made);
      return made;
    };
    beforeAll(async () => {
      sim = await startSim();
    });
    afterAll(async () => {
      const left = await stopSim(sim);
      for (const made of repos) made.cleanup();
      removeRunnerTemps();
      expect(left, 'k3d clusters left behind').toEqual([]);
    });

    it('distinct bodies: the split is measured by body fingerprints', async () => {
      const made = repo(spec('Hello from the base build\n'), spec('Hello from the PR build\n'));
      const run = await runPreview({ sim, repo: made, labels: ['canary-30'] });
      expect(run.main.exitCode, run.log.slice(-3000)).toBe(0);
      const report = reportOf(run);
      const service = report.services[0] as unknown as ServiceFacts;
      const names = revisionNames(made, 'hello');
      expect(service.verdict, service.reason).toBe('consistent');
      expect(report.status).toBe('consistent');
      // Every answer was recognised by its body alone: no k-revision header anywhere.
      expect(service.unattributed.count).toBe(0);
      const byRevision = Object.fromEntries(service.revisions.map((r) => [r.revision, r]));
      expect(byRevision[names.base]?.responses).toBeGreaterThan(0);
      expect(byRevision[names.pr]?.responses).toBeGreaterThan(0);
      expect(
        (byRevision[names.base]?.responses ?? 0) + (byRevision[names.pr]?.responses ?? 0),
      ).toBe(service.requests);
      expect(byRevision[names.pr]?.configuredPercent).toBe(30);
      const samples = Object.fromEntries(service.tagChecks.map((c) => [c.tag, c.sample]));
      expect(samples).toEqual({
        base: 'HTTP 200 Hello from the base build',
        pr: 'HTTP 200 Hello from the PR build',
      });
      for (const check of service.tagChecks) expect(check.matched).toBe(check.requests);
    });

    it('identical bodies (a generic app on both sides): unmeasurable, saying why', async () => {
      const made = repo(undefined, undefined);
      const run = await runPreview({ sim, repo: made, labels: ['canary-50'] });
      expect(run.main.exitCode, run.log.slice(-3000)).toBe(0);
      const report = reportOf(run);
      const service = report.services[0] as unknown as ServiceFacts;
      const names = revisionNames(made, 'hello');
      expect(report.status).toBe('unmeasurable');
      expect(service.verdict).toBe('unmeasurable');
      expect(service.reason).toContain(
        `base (${names.base}) and PR (${names.pr}) answer identically (same body, no k-revision header), ` +
          'so the split cannot be measured',
      );
    });

    it('a body that varies per request: unmeasurable, saying why', async () => {
      const varying = spec('Hello, visitor {{request}} ({{random}})\n');
      const made = repo(varying, varying.replace('Hello', 'Hi'));
      const run = await runPreview({ sim, repo: made, labels: ['canary-50'] });
      expect(run.main.exitCode, run.log.slice(-3000)).toBe(0);
      const report = reportOf(run);
      const service = report.services[0] as unknown as ServiceFacts;
      const names = revisionNames(made, 'hello');
      expect(report.status).toBe('unmeasurable');
      expect(service.verdict).toBe('unmeasurable');
      expect(service.reason).toContain(
        `${names.base} answers with a different body each time and sends no k-revision header, ` +
          'so its responses cannot be recognised',
      );
    });
  },
);
