/**
 * Sends the sample in batches: each batch's GETs go to the route host with at most
 * `concurrency` in flight, each outcome attributed and tallied as it arrives (no per-request
 * arrays kept besides latencies). After each batch the caller's judge says whether another is
 * needed; once it says no, no further request starts. One HTTP client (keep-alive sockets)
 * serves every batch.
 */
import type { Attributor } from './attribution.js';
import type { HttpClient } from './http-client.js';
import { createTally, record, type Tally } from './tally.js';

export interface LoadSettings {
  url: string;
  host: string;
  /** Requests per batch, in order: the most that can be sent. */
  batches: readonly number[];
  concurrency: number;
  timeoutMs: number;
}

export interface LoadResult {
  tally: Tally;
  /** Batches sent. */
  batches: number;
}

/**
 * @param another called after every batch with the tally so far and the number of batches
 *   sent; true asks for the next batch (if the settings allow one)
 */
export async function sendLoad(
  client: HttpClient,
  attributor: Attributor,
  revisions: readonly string[],
  settings: LoadSettings,
  another: (tally: Tally, batchesSent: number) => boolean,
): Promise<LoadResult> {
  const tally = createTally(revisions);
  const request = { url: settings.url, host: settings.host, timeoutMs: settings.timeoutMs };
  let sent = 0;
  for (const size of settings.batches) {
    let started = 0;
    const worker = async (): Promise<void> => {
      while (started < size) {
        started++;
        const outcome = await client.get(request);
        record(tally, outcome, attributor.attribute(outcome));
      }
    };
    const workers = Math.max(1, Math.min(settings.concurrency, size));
    await Promise.all(Array.from({ length: workers }, worker));
    sent++;
    if (!another(tally, sent)) break;
  }
  return { tally, batches: sent };
}
