import type {
  ProblemCode,
  ProblemParams,
  ProblemText,
  WorkerText,
  WorkerTextCode,
  WorkerTextParams,
} from '../../../lib/model/worker-text';

/**
 * One of every text the worker can send, and of every feed problem: typed so a code added to
 * lib/model/worker-text.ts does not compile here until it has a sample (and so a catalogue text).
 */
export const WORKER_SAMPLES: { [C in WorkerTextCode]: WorkerTextParams[C] } = {
  urlEmpty: {},
  urlNotUrl: { url: 'feeds.example' },
  urlSpace: { url: 'https://exa mple.com/f.json' },
  urlNoHost: {},
  urlBadHost: { host: 'exa_mple.com' },
  urlCredentials: {},
  urlHttp: {},
  urlScheme: { scheme: 'ftp:' },
  timeout: { seconds: 20 },
  timeoutBody: { seconds: 20 },
  network: { detail: 'Failed to fetch' },
  networkBody: { detail: 'network error' },
  redirect: {},
  http: { status: 503 },
  notModifiedPlain: {},
  tooLarge: { megabytes: 25 },
  empty: {},
  html: {},
  notJson: { detail: 'Unexpected token' },
  refused: {
    first: { path: 'tools[0].id', text: { code: 'required', params: {} } },
    others: 2,
    stopped: false,
    stoppedAt: 50,
  },
  stale: { feedDate: '2026-11-01T00:00:00Z', installedDate: '2026-11-20T00:00:00Z' },
  tooSlow: { seconds: 120 },
  storageFull: {},
  storage: { detail: 'disk error' },
  interrupted: { startedAt: '2026-11-22T10:00:00Z', why: null },
  indexMissing: {},
  indexDamaged: {},
};

export const PROBLEM_SAMPLES: { [C in ProblemCode]: ProblemParams[C] } = {
  required: {},
  notObject: {},
  notList: {},
  controls: {},
  slug: {},
  githubRepo: {},
  githubReserved: {},
  hfRepo: {},
  hfReserved: {},
  hostName: {},
  publicSuffix: {},
  httpsUrl: {},
  twoVerdicts: {},
  version: {},
  repeats: { value: 'Cursor AI' },
  secondReview: { reviewer: 'builder' },
  duplicateId: { id: 'cursor' },
  taken: { value: 'cursor.com', owner: 'cursor' },
  unknownTool: { id: 'cursor' },
  unknownReviewer: { id: 'critic' },
  unknownVerdict: { id: 'cursor-1' },
  toolVerdicts: { tool: 'cursor', max: 50 },
  verdictComparisons: { verdict: 'cursor-1', max: 50 },
  tooManyRecords: { max: 150_000, count: 150_001 },
  tooManyItems: { max: 1000, count: null },
  tooDeep: { depth: 8 },
  future: { date: '9999-01-01T00:00:00Z', now: '2026-11-22T10:00:00Z' },
  notString: {},
  notNumber: {},
  notWholeNumber: {},
  notRecord: {},
  wrongType: { expected: 'boolean' },
  tooLong: { max: 200 },
  tooShort: { min: 1 },
  tooMany: { max: 20 },
  tooFew: { min: 2 },
  tooHigh: { max: 100 },
  tooLow: { min: 0 },
  dateTime: {},
  oneOf: { values: 'builder, skeptic' },
  other: { message: 'Invalid input' },
};

export const workerSamples = (): WorkerText[] =>
  Object.entries(WORKER_SAMPLES).map(([code, params]) => ({ code, params }) as WorkerText);

export const problemSamples = (): ProblemText[] =>
  Object.entries(PROBLEM_SAMPLES).map(([code, params]) => ({ code, params }) as ProblemText);
