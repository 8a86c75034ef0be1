import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { displayYaml, redactPlan } from '../manifests/redact.js';
import type { PreviewPlan } from '../plan/types.js';

/**
 * Rendered manifests as YAML text, per file name, in the order they are applied. These files are
 * for reading (and may be uploaded as an artifact): Secret values are redacted. Deploy applies the
 * objects from memory, never from these files.
 */
export function renderedManifestFiles(plan: PreviewPlan): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  for (const service of plan.services) {
    const prefix = `${service.namespace}-${service.name}`;
    if (service.manifests.base)
      files.push({ name: `${prefix}.1-base.yaml`, text: displayYaml(service.manifests.base) });
    files.push({ name: `${prefix}.2-pr.yaml`, text: displayYaml(service.manifests.pr) });
  }
  if (plan.otherObjects.length) {
    files.push({
      name: 'zz-other-objects.yaml',
      text: plan.otherObjects.map((object) => displayYaml(object)).join('---\n'),
    });
  }
  return files;
}

/** Writes the rendered manifests and plan.json (both redacted) under `dir`; returns the folder. */
export async function writePlanFiles(plan: PreviewPlan, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const file of renderedManifestFiles(plan))
    await writeFile(path.join(dir, file.name), file.text);
  await writeFile(path.join(dir, 'plan.json'), `${JSON.stringify(redactPlan(plan), null, 2)}\n`);
  return dir;
}
