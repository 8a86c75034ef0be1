/** The HTTP probe: tag checks, a sampled split, and the verdict for one service. */
export { probeService, probeOptionsFromPlan, PROBE_DEFAULTS, type ProbeOptions } from './probe.js';
export {
  createNodeHttpClient,
  MAX_BODY_BYTES,
  type HttpClient,
  type HttpGet,
  type HttpOutcome,
  type HttpResponse,
  type HttpTransportError,
  type NodeHttpClientOptions,
} from './http-client.js';
export {
  createAttributor,
  fingerprint,
  revisionHeader,
  REVISION_HEADERS,
  type Attribution,
  type Attributor,
} from './attribution.js';
export { summarizeTagAnswers, tagFailure, type TagFindings, type TagTarget } from './tag-check.js';
export {
  decideVerdict,
  revisionResults,
  attributionProblem,
  type VerdictFields,
  type VerdictSettings,
} from './summarize.js';
export { sendLoad, type LoadResult, type LoadSettings } from './load.js';
export type { RevisionResult, ServiceResult, TagCheck } from './types.js';
