/**
 * The namespace operations the lifecycle needs, through kubectl, each with the one guarantee it
 * relies on: create fails if the name exists; a patch applies only to the version that was read
 * (a JSON patch testing resourceVersion); a delete applies only to the object that was read
 * (preconditions on uid and resourceVersion).
 */
import type { Kubectl } from '../cluster/kubectl.js';
import { isNotFound } from '../cluster/kubectl.js';
import type { KubeList, KubeObject, ReadObject } from '../kube/object.js';
import { ToolError } from '../util/tool-runner.js';
import type { JsonPatchOperation } from './ownership.js';

export type CreateOutcome = 'created' | 'exists';
export type GuardedOutcome = 'done' | 'changed';

export interface NamespaceClient {
  get(name: string): Promise<ReadObject | undefined>;
  list(selector: string): Promise<ReadObject[]>;
  create(namespace: KubeObject): Promise<CreateOutcome>;
  /** 'changed': the namespace is not the version the patch tests for (or is gone). */
  patch(name: string, operations: JsonPatchOperation[]): Promise<GuardedOutcome>;
  /** 'changed': not the object (uid) or version that was read. NotFound counts as done. */
  deleteExactly(name: string, uid: string, resourceVersion: string): Promise<GuardedOutcome>;
}

export function kubectlNamespaceClient(kubectl: Kubectl): NamespaceClient {
  return {
    get: (name) => kubectl.tryGetJson<ReadObject>('namespace', name),
    async list(selector) {
      const { stdout } = await kubectl.runOk(['get', 'namespaces', '-l', selector, '-o', 'json']);
      return (JSON.parse(stdout) as KubeList<ReadObject>).items ?? [];
    },
    async create(namespace) {
      const result = await kubectl.run(['create', '-f', '-', '-o', 'name'], {
        input: JSON.stringify(namespace),
      });
      if (result.exitCode === 0) return 'created';
      if (/AlreadyExists|already exists/.test(result.stderr)) return 'exists';
      throw new ToolError('kubectl create namespace', result);
    },
    async patch(name, operations) {
      const result = await kubectl.run([
        'patch',
        'namespace',
        name,
        '--type=json',
        '-p',
        JSON.stringify(operations),
      ]);
      if (result.exitCode === 0) return 'done';
      // A failed `test` (the namespace changed since it was read) and a conflict look alike to
      // the caller: read it again and decide again.
      if (
        /\(Conflict\)|\(Invalid\)|rejected our request|test|NotFound|not found/i.test(result.stderr)
      )
        return 'changed';
      throw new ToolError(`kubectl patch namespace ${name}`, result);
    },
    async deleteExactly(name, uid, resourceVersion) {
      const options = {
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        preconditions: { uid, resourceVersion },
      };
      const result = await kubectl.run(
        ['delete', '--raw', `/api/v1/namespaces/${encodeURIComponent(name)}`, '-f', '-'],
        { input: JSON.stringify(options) },
      );
      if (result.exitCode === 0) return 'done';
      if (isNotFound(new ToolError('', result))) return 'done';
      if (/\(Conflict\)|precondition|Precondition/i.test(result.stderr)) return 'changed';
      throw new ToolError(`kubectl delete namespace ${name}`, result);
    },
  };
}
