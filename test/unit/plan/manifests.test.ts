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
  it('refuses a List (kubectl expands it; its items would skip the per-object checks)', () => {
    for (const kind of ['List', 'ConfigMapList']) {
      const error = errorOf(() =>
        parseManifestFile(
          `apiVersion: v1\nkind: ${kind}\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: ClusterRole\n  metadata: {name: evil}\n`,
          'list.yaml',
        ),
      );
      expect(error.message).toBe(
        `list.yaml:2: kind ${kind} is not supported: write each of its items as a document of its own, separated by ---.`,
      );
    }
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

describe('parseManifestFile on hostile YAML', () => {
  it('says what a refused document is, never what it says', () => {
    const text = 'root:x:0:0:root:/root:/bin/bash\n';
    expect(errorOf(() => parseManifestFile(text, 'p.yaml')).message).toBe(
      'p.yaml:1: expected a Kubernetes object (a YAML mapping with apiVersion, kind and metadata), found a string.',
    );
    const kind = errorOf(() => parseManifestFile('apiVersion: v1\nkind: [secret-ish]\n', 'k.yaml'));
    expect(kind.message).toBe(
      "k.yaml:2: every object needs a string 'kind'; this document has a list.",
    );
  });

  const header = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

  it('refuses a billion-laughs file at once, naming the file, the first alias and the fix', () => {
    const levels = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const error = errorOf(() =>
      parseManifestFile(`${header}data:\n  ${levels.join('\n  ')}\n`, 'k/lol.yaml'),
    );
    expect(error.message).toMatch(
      /^k\/lol\.yaml:7: the YAML aliases \(\*name\) in this document expand to more than 50 alias uses.*Write the repeated values out/,
    );
    expect(error.location).toEqual({ file: 'k/lol.yaml', line: 7 });
  });

  it('still accepts a few aliases', () => {
    const [doc] = parseManifestFile(`${header}data:\n  a: &v shared\n  b: *v\n`, 'ok.yaml');
    expect(doc?.object.data).toEqual({ a: 'shared', b: 'shared' });
  });

  it('refuses an alias inside the node it names (a recursive object)', () => {
    const error = errorOf(() => parseManifestFile(`${header}spec: &s\n  self: *s\n`, 'r.yaml'));
    expect(error.message).toBe(
      'r.yaml:6: the alias *s is inside the node it names, which makes the object recursive; write the value out instead.',
    );
  });

  it('finds a repeated key deep in a large map, naming both lines', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: v`);
    keys.push('  k17: again');
    const error = errorOf(() =>
      parseManifestFile(`${header}data:\n${keys.join('\n')}\n`, 'big.yaml'),
    );
    expect(error.message).toBe(
      "big.yaml:20006: YAML syntax error: the key 'k17' is repeated (first at line 23); map keys must be unique.",
    );
  });

  it('refuses keys 1 and "1" together: both become the JSON key "1"', () => {
    const error = errorOf(() => parseManifestFile(`${header}data:\n  1: a\n  "1": b\n`, 'n.yaml'));
    expect(error.message).toMatch(
      /^n\.yaml:7: YAML syntax error: the key '1' is repeated \(first at line 6\)/,
    );
  });

  it('refuses flow collections nested deeper than 100 levels at once, at their line', () => {
    const ok = parseManifestFile(
      `${header}spec: ${'['.repeat(100)}${']'.repeat(100)}\n`,
      'ok.yaml',
    );
    expect(ok).toHaveLength(1);
    const error = errorOf(() =>
      parseManifestFile(`${header}spec:\n  x: ${'[{a: '.repeat(300_000)}\n`, 'deep.yaml'),
    );
    expect(error.message).toBe(
      'deep.yaml:6: YAML syntax error: flow collections ([...] or {...}) nest deeper than 100 levels; no Kubernetes object needs that many.',
    );
  });

  it('does not count brackets inside strings and block scalars as nesting', () => {
    const brackets = '['.repeat(500);
    const [doc] = parseManifestFile(
      `${header}data:\n  quoted: "${brackets}"\n  plain: a${brackets}\n  block: |\n    ${brackets}\n`,
      'b.yaml',
    );
    expect(doc?.object.data).toMatchObject({ quoted: brackets, plain: `a${brackets}` });
  });

  it('says that deeply nested block YAML is too deep instead of crashing', () => {
    const nested = Array.from({ length: 1500 }, (_, depth) => `${' '.repeat(depth)}a:`).join('\n');
    const error = errorOf(() => parseManifestFile(`${header}${nested} 1\n`, 'deep.yaml'));
    expect(error.message).toMatch(
      /^deep\.yaml:\d+: YAML syntax error: the YAML is nested too deeply to read$/,
    );
  });

  it('finds the line of a nested field after the file was parsed', () => {
    const [, second] = parseManifestFile(
      `${header}---\n${header}spec:\n  traffic:\n    - percent: 10\n    - percent: [20]\n`,
      'two.yaml',
    );
    expect(second?.lineOf(['spec', 'traffic', 1, 'percent'])).toBe(13);
    expect(second?.lineOf(['spec', 'traffic', 1, 'percent'])).toBe(13);
  });
});
