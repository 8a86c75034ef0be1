/**
 * Points a release URL at a mirror: the mirror base plus the original URL's path
 * (https://github.com/k3d-io/k3d/releases/download/v5.9.0/k3d-linux-amd64 ->
 * <mirror>/k3d-io/k3d/releases/download/v5.9.0/k3d-linux-amd64). Pure.
 */
export function mirroredUrl(originalUrl: string, mirrorBase: string | undefined): string {
  if (!mirrorBase) return originalUrl;
  const original = new URL(originalUrl);
  return `${mirrorBase.replace(/\/+$/, '')}${original.pathname}${original.search}`;
}
