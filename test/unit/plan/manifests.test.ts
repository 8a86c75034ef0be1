import { describe, expect, it } from 'vitest';
import { parseManifestFile } from '../../../src/manifests/documents.js';
import { UserError } from '../../../src/util/errors.js';

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('parseManifestFile', () => {
  it('reads several documents with their lines, skipping empty ones', () => {
    const docs = parseManifestFile(
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n',
      'k/a.yaml',
    );
    expect(docs.map((d) => [d.object.metadata.name, d.source.line])).toEqual([
      ['a', 2],
      ['b', 8],
    ]);
  });
  it('reports a YAML syntax error with file and line', () => {
    const error = errorOf(() =>
      parseManifestFile('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [a\n', 'k/bad.yaml'),
    );
    expect(error.message).toMatch(/^k\/bad\.yaml:\d+: YAML syntax error/);
    expect(error.location?.file).toBe('k/bad.yaml');
    expect(error.location?.line).toBeGreaterThanOrEqual(4);
  });
  it('reports a duplicate key', () => {
    expect(errorOf(() => parseManifestFile('kind: A\nkind: B\n', 'x.yaml')).message).toMatch(
      /x\.yaml:2/,
    );
  });
  it('refuses a document that is not a mapping', () => {
    expect(errorOf(() => parseManifestFile('- a\n- b\n', 'list.yaml')).message).toMatch(
      /list\.yaml:1: expected a Kubernetes object/,
    );
  });
  it('refuses a missing metadata.name at its line', () => {
    const error = errorOf(() =>
      parseManifestFile('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {}\n', 'm.yaml'),
    );
    expect(error.message).toMatch(/m\.yaml:4: ConfigMap needs a string metadata.name/);
  });
  it('finds the line of a nested field', () => {
    const [doc] = parseManifestFile(
      'apiVersion: v1\nkind: X\nmetadata:\n  name: a\nspec:\n  traffic:\n    - percent: 10\n    - percent: 20\n',
      'n.yaml',
    );
    expect(doc?.lineOf(['spec', 'traffic', 1, 'percent'])).toBe(8);
    expect(doc?.lineOf(['spec', 'missing', 'deeper'])).toBe(6);
  });
});
