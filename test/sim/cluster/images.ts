/** Which container images the sim can "run" (what they answer: app-answer.ts). */

export type ImageVerdict =
  { ok: true; app: 'helloworld' | 'template' } | { ok: false; reason: string; message: string };

function tagOf(image: string): string | undefined {
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (image.includes('@')) return undefined;
  return colon >= 0 ? image.slice(colon + 1) : undefined;
}

/**
 * @param pushed the sim's registry (pushed-images.ts): an image pushed there resolves and pulls
 *   like a published one, and answers as the app it was built from
 */
export function classifyImage(
  image: string,
  imported: Set<string>,
  pushed?: { has(image: string): boolean },
): ImageVerdict {
  if (
    /^(ghcr\.io\/knative\/helloworld-go|gcr\.io\/knative-samples\/helloworld-go)([:@]|$)/.test(
      image,
    )
  ) {
    return { ok: true, app: 'helloworld' };
  }
  if (image.startsWith('dev.local/')) {
    const tag = tagOf(image);
    if (tag === undefined || tag === 'latest') {
      return {
        ok: false,
        reason: 'ContainerMissing',
        message: `Unable to fetch image "${image}": failed to resolve image to digest: GET https://dev.local/v2/${image.slice('dev.local/'.length).replace(/:.*$/, '')}/manifests/latest: dial tcp: lookup dev.local: no such host`,
      };
    }
    if (imported.has(image)) return { ok: true, app: 'template' };
  } else if (pushed?.has(image)) {
    return { ok: true, app: 'template' };
  }
  return {
    ok: false,
    reason: 'ImagePullBackOff',
    message: `Back-off pulling image "${image}": ErrImagePull: failed to pull and unpack image "${image}": failed to resolve reference "${image}": not found`,
  };
}
