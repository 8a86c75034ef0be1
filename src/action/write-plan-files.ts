import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { PreviewPlan } from '../plan/types.js';

/** Rendered manifests as YAML text, per file name, in the order they are applied. */
export function renderedManifestFiles(plan: PreviewPlan): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  for (const service of plan.services) {
    const prefix = `${service.namespace}-${service.name}`;
    if (service.manifests.base)
      files.push({ name: `${prefix}.1-base.yaml`, text: stringify(service.manifests.base) });
    files.push({ name: `${prefix}.2-pr.yaml`, text: stringify(service.manifests.pr) });
  }
  if (plan.otherObjects.length) {
    files.push({
      name: 'zz-other-objects.yaml',
      text: plan.otherObjects.map((object) => stringify(object)).join('---\n'),
    });
  }
  return files;
}

/** Writes the rendered manifests under `dir` and returns the folder. */
export async function writePlanFiles(plan: PreviewPlan, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const file of renderedManifestFiles(plan))
    await writeFile(path.join(dir, file.name), file.text);
  await writeFile(path.join(dir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
  return dir;
}
