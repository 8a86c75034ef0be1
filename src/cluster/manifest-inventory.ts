import { parseAllDocuments } from 'yaml';

export interface NamespacedName {
  namespace: string;
  name: string;
}

/** What a release YAML creates that the action waits for. Pure. */
export interface ManifestInventory {
  customResourceDefinitions: string[];
  namespaces: string[];
  deployments: NamespacedName[];
  daemonSets: NamespacedName[];
  jobs: NamespacedName[];
}

export function inventoryOf(yamlText: string): ManifestInventory {
  const inventory: ManifestInventory = {
    customResourceDefinitions: [],
    namespaces: [],
    deployments: [],
    daemonSets: [],
    jobs: [],
  };
  for (const document of parseAllDocuments(yamlText)) {
    if (document.errors.length > 0) {
      throw new Error(`a release manifest does not parse as YAML: ${document.errors[0]!.message}`);
    }
    const object = document.toJS() as {
      kind?: string;
      metadata?: { name?: string; namespace?: string };
    } | null;
    const name = object?.metadata?.name;
    if (!object?.kind || !name) continue;
    const namespaced = { namespace: object.metadata?.namespace ?? 'default', name };
    switch (object.kind) {
      case 'CustomResourceDefinition':
        inventory.customResourceDefinitions.push(name);
        break;
      case 'Namespace':
        inventory.namespaces.push(name);
        break;
      case 'Deployment':
        inventory.deployments.push(namespaced);
        break;
      case 'DaemonSet':
        inventory.daemonSets.push(namespaced);
        break;
      case 'Job':
        inventory.jobs.push(namespaced);
        break;
    }
  }
  return inventory;
}
