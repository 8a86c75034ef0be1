/**
 * What a PR may deploy onto an existing cluster: objects inside its preview namespace only.
 * Checked on the manifests before anything is applied (pure); the kinds the cluster serves are
 * checked again against its discovery when the run connects (a CRD may be cluster-scoped too).
 */
import type { ManifestDocument } from '../manifests/documents.js';
import { UserError } from '../util/errors.js';

/**
 * Kubernetes' built-in cluster-scoped kinds, and the cluster-scoped kinds of projects found next
 * to Knative. A kind of the same name in another API group is refused too: better a clear
 * refusal than a cluster-wide object.
 */
const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  // core/v1 and built-in API groups
  'Namespace',
  'Node',
  'PersistentVolume',
  'ComponentStatus',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'APIService',
  'StorageClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'IPAddress',
  'ServiceCIDR',
  'CertificateSigningRequest',
  'ClusterTrustBundle',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'DeviceClass',
  'ResourceSlice',
  'TokenReview',
  'SubjectAccessReview',
  'SelfSubjectAccessReview',
  'SelfSubjectReview',
  'PodSecurityPolicy',
  // Knative, Contour, cert-manager, Istio, Gateway API
  'ClusterDomainClaim',
  'ClusterDomain',
  'ClusterIssuer',
  'GatewayClass',
  'ContourDeployment',
  'ClusterClaim',
]);

/**
 * Refuses, naming the file, the line and the kind, any document that names a namespace other
 * than the preview's or is of a cluster-scoped kind.
 */
export function checkNamespaceScope(
  documents: readonly ManifestDocument[],
  previewNamespace: string,
): void {
  for (const doc of documents) {
    const { kind, metadata } = doc.object;
    const file = doc.source.file;
    if (CLUSTER_SCOPED_KINDS.has(kind)) {
      const line = doc.lineOf(['kind']);
      throw new UserError(
        `${file}:${line}: ${kind} '${metadata.name}' is cluster-scoped. A preview on an existing cluster only creates objects inside its namespace '${previewNamespace}'; remove it from the manifests (cluster-wide objects are the cluster owner's to install).`,
        { file, line },
      );
    }
    const named = metadata.namespace;
    if (named !== undefined && named !== previewNamespace) {
      const line = doc.lineOf(['metadata', 'namespace']);
      throw new UserError(
        `${file}:${line}: ${kind} '${metadata.name}' names the namespace '${named}'. On an existing cluster every object goes into the preview namespace '${previewNamespace}'; remove metadata.namespace from it.`,
        { file, line },
      );
    }
  }
}
