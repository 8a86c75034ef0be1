/**
 * The CRD schemas of Knative Serving, for validating manifests in tests and in the simulated
 * cluster. They come the way the action gets release files: `serving-crds.yaml` of the release,
 * downloaded and checksum-verified by the project's downloader, or the per-kind CRD files in
 * `../shared/knative/<version>/` when that folder is there. The test run's global setup puts
 * them in one file that tests and sim daemons read synchronously. Offline with neither source,
 * the project's own model of the v1 CRDs (knative-crd-model.ts) stands in, so every schema check
 * still runs, and the setup says so in one line.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { ownKnativeCrds } from './knative-crd-model.js';

export const KNATIVE_SCHEMA_VERSION = '1.22.1';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED_DIR = join(REPO_ROOT, '..', 'shared', 'knative', `v${KNATIVE_SCHEMA_VERSION}`);
/** Where the test run keeps the CRDs it found (git-ignored). */
export const KNATIVE_CRDS_FILE = join(
  REPO_ROOT,
  '.tmp',
  'knative-crds',
  `serving-crds-${KNATIVE_SCHEMA_VERSION}.yaml`,
);

export type CrdDocument = Record<string, any>;

/** The Knative kinds whose schemas the tests and the sim check. */
export const VALIDATED_KINDS = ['Service', 'Configuration', 'Revision', 'Route'] as const;

/**
 * The CRDs the global setup found, when that file holds a v1 schema of every validated kind;
 * else the project's own model of them.
 */
export function readKnativeCrds(): CrdDocument[] {
  return releaseCrdsInFile() ?? ownKnativeCrds();
}

function releaseCrdsInFile(): CrdDocument[] | undefined {
  if (!existsSync(KNATIVE_CRDS_FILE)) return undefined;
  const crds = parseAllDocuments(readFileSync(KNATIVE_CRDS_FILE, 'utf8'))
    .map((doc) => doc.toJS() as CrdDocument | null)
    .filter(
      (doc): doc is CrdDocument =>
        doc?.kind === 'CustomResourceDefinition' && doc.spec?.group === 'serving.knative.dev',
    );
  const complete = VALIDATED_KINDS.every((kind) =>
    crds.some(
      (crd) =>
        crd.spec?.names?.kind === kind &&
        (crd.spec?.versions as CrdDocument[] | undefined)?.some(
          (v) => v.name === 'v1' && v.schema?.openAPIV3Schema,
        ),
    ),
  );
  return complete ? crds : undefined;
}

/** The CRD of one Knative Serving kind; undefined for a kind Knative Serving does not define. */
export function knativeCrd(kind: string): CrdDocument | undefined {
  return readKnativeCrds().find((crd) => crd.spec?.names?.kind === kind);
}

/**
 * Fills KNATIVE_CRDS_FILE once per test run: from ../shared when present, else from the
 * release through the downloader. Returns a line saying where they came from, or why not.
 */
export async function prepareKnativeCrds(): Promise<string> {
  if (releaseCrdsInFile()) return `Knative CRD schemas: ${KNATIVE_CRDS_FILE}`;
  // An incomplete file (an interrupted write, an empty folder) is filled again.
  rmSync(KNATIVE_CRDS_FILE, { force: true });
  mkdirSync(dirname(KNATIVE_CRDS_FILE), { recursive: true });
  const sharedFiles = existsSync(SHARED_DIR)
    ? readdirSync(SHARED_DIR).filter((file) => file.endsWith('.yaml'))
    : [];
  if (sharedFiles.length > 0) {
    const text = sharedFiles
      .map((file) => readFileSync(join(SHARED_DIR, file), 'utf8'))
      .join('\n---\n');
    writeFileSync(KNATIVE_CRDS_FILE, text);
    if (releaseCrdsInFile()) return `Knative CRD schemas from ${SHARED_DIR}`;
    rmSync(KNATIVE_CRDS_FILE, { force: true });
  }
  try {
    const { downloadVerified } = await import('../../src/install/downloader.js');
    const { knativeManifestArtifacts } = await import('../../src/install/releases.js');
    const artifact = knativeManifestArtifacts(
      KNATIVE_SCHEMA_VERSION,
      KNATIVE_SCHEMA_VERSION,
    ).servingCrds;
    const downloaded = await downloadVerified(artifact, {
      deadline: Date.now() + 60_000,
      workDir: join(REPO_ROOT, '.tmp'),
      attempts: 2,
      attemptTimeoutMs: 20_000,
    });
    writeFileSync(KNATIVE_CRDS_FILE, readFileSync(downloaded.path, 'utf8'));
    return `Knative CRD schemas downloaded from ${artifact.url} (sha256-verified)`;
  } catch (error) {
    return (
      `Knative CRD schemas: the project's own model of the v1 CRDs (test/helpers/knative-crd-model.ts), ` +
      `since there is no ../shared/knative and the release's download failed: ` +
      `${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
    );
  }
}
