/**
 * What app a build context holds, as the cluster's ingress will answer for it (app-answer.ts):
 * an answer spec the test wrote (ANSWER_SPEC_FILE) wins; else the template app (a server.js
 * that reads K_REVISION and sends the k-revision header, as template/app/server.js does); else a
 * generic app. Read when the docker stand-in builds, so the context may be gone by import time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWER_SPEC_FILE, parseAnswerSpec, type AppDescription } from '../cluster/app-answer.js';

/** Throws, naming the file, when the answer spec is not valid JSON or not a valid spec. */
export function describeBuildContext(context: string): AppDescription {
  const specFile = join(context, ANSWER_SPEC_FILE);
  if (existsSync(specFile)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(specFile, 'utf8'));
    } catch (err) {
      throw new Error(`${specFile}: not valid JSON: ${(err as Error).message}`, { cause: err });
    }
    return { kind: 'spec', spec: parseAnswerSpec(parsed, specFile) };
  }
  const server = join(context, 'server.js');
  if (existsSync(server)) {
    const text = readFileSync(server, 'utf8');
    if (text.includes('K_REVISION') && text.includes('k-revision')) return { kind: 'template' };
  }
  return { kind: 'generic' };
}
