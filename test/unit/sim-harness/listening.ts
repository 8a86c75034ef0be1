import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';

const LISTEN = '0A';

/** `0100007F` -> 127.0.0.1; a /proc/net/tcp6 address -> its compressed IPv6 form. */
function decode(hex: string): string {
  if (hex.length === 8) {
    return [6, 4, 2, 0].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join('.');
  }
  // Four little-endian 32-bit words.
  const words = [0, 8, 16, 24].map((i) =>
    (hex.slice(i, i + 8).match(/../g) ?? []).reverse().join(''),
  );
  const groups = words
    .flatMap((w) => [w.slice(0, 4), w.slice(4)])
    .map((g) => g.replace(/^0+(?=.)/, ''));
  const text = groups.join(':').toLowerCase();
  return text === '0:0:0:0:0:0:0:0' ? '::' : text === '0:0:0:0:0:0:0:1' ? '::1' : text;
}

/**
 * The local addresses that accept TCP connections on `port` on this machine, read from the
 * kernel's socket tables (Linux): what a port is really bound to, not what a record says.
 */
export function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== LISTEN) continue;
      const [address, portHex] = local.split(':') as [string, string];
      if (Number.parseInt(portHex, 16) === port) found.push(decode(address));
    }
  }
  return found.sort();
}

/** An IPv4 address of this machine that is not loopback, if it has one. */
export function externalIPv4(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (found) return found.address;
  }
  return undefined;
}
