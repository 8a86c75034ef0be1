import { describe, expect, test } from 'vitest';
import { hashFromChecksumList, hashFromSingleHashFile } from '../../../src/install/checksums.js';
import { isTransientDownloadError, HttpStatusError } from '../../../src/install/http-fetch.js';
import { parseRetryAfter } from '../../../src/util/http-failures.js';
import { mirroredUrl } from '../../../src/install/mirror.js';
import { k3dAssetName, releaseArch } from '../../../src/install/platform.js';
import { knativeManifestArtifacts } from '../../../src/install/releases.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('mirroredUrl', () => {
  test('GitHub release URL keeps its whole path', () => {
    expect(
      mirroredUrl(
        'https://github.com/k3d-io/k3d/releases/download/v5.9.0/k3d-linux-amd64',
        'https://mirror.example/rel/',
      ),
    ).toBe('https://mirror.example/rel/k3d-io/k3d/releases/download/v5.9.0/k3d-linux-amd64');
  });
  test('dl.k8s.io URL keeps its path', () => {
    expect(
      mirroredUrl(
        'https://dl.k8s.io/release/v1.34.2/bin/linux/amd64/kubectl',
        'http://127.0.0.1:9',
      ),
    ).toBe('http://127.0.0.1:9/release/v1.34.2/bin/linux/amd64/kubectl');
  });
  test('no mirror: unchanged', () => {
    expect(mirroredUrl('https://dl.k8s.io/x', undefined)).toBe('https://dl.k8s.io/x');
  });
});

describe('checksum lists', () => {
  test('matches the whole file name after the last slash', () => {
    const list = `${A}  _dist/k3d-linux-arm\n${B}  _dist/k3d-linux-arm64\n`;
    expect(hashFromChecksumList(list, 'k3d-linux-arm64')).toBe(B);
    expect(hashFromChecksumList(list, 'k3d-linux-arm')).toBe(A);
    expect(hashFromChecksumList(list, 'k3d-linux-amd64')).toBeUndefined();
  });
  test('k3d-linux-arm is not found in a k3d-linux-arm64 line listed before it', () => {
    const list = `${B}  _dist/k3d-linux-arm64\n${A}  _dist/k3d-linux-arm\n`;
    expect(hashFromChecksumList(list, 'k3d-linux-arm')).toBe(A);
    expect(hashFromChecksumList(`${B}  _dist/k3d-linux-arm64\n`, 'k3d-linux-arm')).toBeUndefined();
  });
  test('plain names, binary-mode star, upper case, CRLF', () => {
    const list = `${A.toUpperCase()} *serving-core.yaml\r\n${B}  serving-crds.yaml\r\n`;
    expect(hashFromChecksumList(list, 'serving-core.yaml')).toBe(A);
    expect(hashFromChecksumList(list, 'serving-crds.yaml')).toBe(B);
  });
  test('a .sha256 file holds the hash alone', () => {
    expect(hashFromSingleHashFile(`${A}\n`)).toBe(A);
    expect(hashFromSingleHashFile(`${A}  kubectl`)).toBe(A);
    expect(hashFromSingleHashFile('<html>not found</html>')).toBeUndefined();
  });
});

describe('platform', () => {
  test('x64 and arm64 on Linux map to release names', () => {
    expect(k3dAssetName(releaseArch('linux', 'x64'))).toBe('k3d-linux-amd64');
    expect(k3dAssetName(releaseArch('linux', 'arm64'))).toBe('k3d-linux-arm64');
  });
  test('other platforms get a clear error', () => {
    expect(() => releaseArch('darwin', 'arm64')).toThrow(
      /Linux runner on x64 or arm64.*darwin\/arm64/,
    );
    expect(() => releaseArch('linux', 'ia32')).toThrow(/linux\/ia32/);
  });
});

describe('transient download errors', () => {
  test('5xx, 408, 429 and connection failures are transient; 4xx is not', () => {
    expect(isTransientDownloadError(new HttpStatusError('u', 503))).toBe(true);
    expect(isTransientDownloadError(new HttpStatusError('u', 429))).toBe(true);
    expect(isTransientDownloadError(new HttpStatusError('u', 404))).toBe(false);
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(isTransientDownloadError(refused)).toBe(true);
    expect(isTransientDownloadError(new Error('sha256 mismatch'))).toBe(false);
  });
  test('Retry-After in seconds and as a date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

test('release manifests come from knative-v<ver> release folders with their checksums.txt', () => {
  const a = knativeManifestArtifacts('1.22.1', 'v1.22.1');
  expect(a.servingCrds.url).toBe(
    'https://github.com/knative/serving/releases/download/knative-v1.22.1/serving-crds.yaml',
  );
  expect(a.netContour.checksum).toEqual({
    kind: 'list',
    url: 'https://github.com/knative-extensions/net-contour/releases/download/knative-v1.22.1/checksums.txt',
  });
  expect(new Set(Object.values(a).map((x) => x.cacheName)).size).toBe(4);
});
