/**
 * The CRD schemas of Knative Serving, for validating manifests in tests and in the simulated
 * cluster. They come the way the action gets release files: `serving-crds.yaml` of the release,
 * downloaded and checksum-verified by the project's downloader, or the per-kind CRD files in
 * `../shared/knative/<version>/` when that folder is there. The test run's global setup puts
 * them in one file that tests and sim daemons read synchronously; offline with neither source,
 * only schema validation is skipped, and the setup says so in one line.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

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

/** The CRDs found by the global setup, or undefined when it found none. */
export function readKnativeCrds(): CrdDocument[] | undefined {
  if (!existsSync(KNATIVE_CRDS_FILE)) return undefined;
  return parseAllDocuments(readFileSync(KNATIVE_CRDS_FILE, 'utf8'))
    .map((doc) => doc.toJS() as CrdDocument | null)
    .filter(
      (doc): doc is CrdDocument =>
        doc?.kind === 'CustomResourceDefinition' && doc.spec?.group === 'serving.knative.dev',
    );
}

/** The CRD of one Knative Serving kind, or undefined when the schemas are unavailable. */
export function knativeCrd(kind: string): CrdDocument | undefined {
  return readKnativeCrds()?.find((crd) => crd.spec?.names?.kind === kind);
}

/**
 * Fills KNATIVE_CRDS_FILE once per test run: from ../shared when present, else from the
 * release through the downloader. Returns a line saying where they came from, or why not.
 */
export async function prepareKnativeCrds(): Promise<string> {
  if (existsSync(KNATIVE_CRDS_FILE)) return `Knative CRD schemas: ${KNATIVE_CRDS_FILE}`;
  mkdirSync(dirname(KNATIVE_CRDS_FILE), { recursive: true });
  if (existsSync(SHARED_DIR)) {
    const files = readdirSync(SHARED_DIR).filter((file) => file.endsWith('.yaml'));
    const text = files.map((file) => readFileSync(join(SHARED_DIR, file), 'utf8')).join('\n---\n');
    writeFileSync(KNATIVE_CRDS_FILE, text);
    return `Knative CRD schemas from ${SHARED_DIR}`;
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
      `Knative CRD schemas unavailable (no ../shared/knative and the download failed: ` +
      `${error instanceof Error ? error.message.split('\n')[0] : String(error)}); ` +
      'schema validation is skipped, every other check runs'
    );
  }
}
