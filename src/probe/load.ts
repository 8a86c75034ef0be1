/**
 * Sends the sample: N GETs to the route host with at most `concurrency` in flight, each
 * outcome attributed and tallied as it arrives (no per-request arrays kept besides latencies).
 */
import type { Attributor } from './attribution.js';
import type { HttpClient } from './http-client.js';
import { createTally, record, type Tally } from './tally.js';

export interface LoadSettings {
  url: string;
  host: string;
  requests: number;
  concurrency: number;
  timeoutMs: number;
}

export async function sendLoad(
  client: HttpClient,
  attributor: Attributor,
  revisions: readonly string[],
  settings: LoadSettings,
): Promise<Tally> {
  const tally = createTally(revisions);
  const request = { url: settings.url, host: settings.host, timeoutMs: settings.timeoutMs };
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < settings.requests) {
      started++;
      const outcome = await client.get(request);
      record(tally, outcome, attributor.attribute(outcome));
    }
  };
  const workers = Math.max(1, Math.min(settings.concurrency, settings.requests));
  await Promise.all(Array.from({ length: workers }, worker));
  return tally;
}
