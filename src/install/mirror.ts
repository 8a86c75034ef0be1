import { isIP } from 'node:net';
import { UserError } from '../util/errors.js';

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

/**
 * Checks the `release-mirror` input and returns it without trailing slashes. The mirror's
 * checksum lists are trusted for everything downloaded through it, so it must be reached over
 * https; plain http only on this machine's loopback (a mirror on the runner itself). Pure.
 */
export function validateReleaseMirror(value: string): string {
  const text = value.trim();
  let shown = text;
  const refuse = (why: string): never => {
    throw new UserError(`Input 'release-mirror' ('${shown}') ${why}`);
  };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('is not a URL; expected a base URL such as https://mirror.example.com/releases.');
  }
  if (url.username || url.password) {
    // Never repeat a credential in an error (it becomes an annotation).
    const hidden = new URL(url.href);
    hidden.username = '***';
    hidden.password = '';
    shown = hidden.href;
  }
  if (url.username || url.password) {
    refuse(
      'must not carry credentials: download URLs are written to the log. Use a mirror that needs none.',
    );
  }
  if (url.search || url.hash) {
    refuse('must be a base URL without ?query or #fragment: release paths are appended to it.');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    refuse(
      'uses plain http to another machine: anyone on the way could replace the files and their ' +
        'checksums. Use https (http is accepted only for a loopback address such as 127.0.0.1).',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    refuse(
      `uses ${url.protocol.replace(/:$/, '')}: only https (or http on loopback) is supported.`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** localhost, 127.0.0.0/8 or ::1 (the URL parser keeps IPv6 hosts in brackets). */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}
