/**
 * Texts the worker produces and a page shows (a sync error, a refused feed URL, a feed's
 * problems, the index repair), as a code with what goes into it. The worker does not know the
 * page's language, so the page renders the code from its own catalogue (lib/ui/worker-text.ts;
 * the catalogue keys are `worker.<code>` and `problem.<code>`). The English `message` kept
 * beside each is for the CLI, the console, and rows stored before texts had codes.
 */

type None = Record<string, never>;

/** What each worker text says, by code: its parameters. */
export interface WorkerTextParams {
  // Feed URL rules (lib/feed/url-rules.ts, host-name.ts).
  urlEmpty: None;
  urlNotUrl: { url: string };
  urlSpace: { url: string };
  urlNoHost: None;
  urlBadHost: { host: string };
  urlCredentials: None;
  urlHttp: None;
  urlScheme: { scheme: string };
  // The download (lib/sync/fetch-feed.ts). `detail` is the browser's own words.
  timeout: { seconds: number };
  timeoutBody: { seconds: number };
  network: { detail: string };
  networkBody: { detail: string };
  redirect: None;
  http: { status: number };
  notModifiedPlain: None;
  tooLarge: { megabytes: number };
  // The body and the install (lib/sync/sync-feed.ts).
  empty: None;
  html: None;
  notJson: { detail: string };
  /** The first problem, how many more were listed, and whether the check stopped early. */
  refused: { first: FeedIssue | null; others: number; stopped: boolean; stoppedAt: number };
  stale: { feedDate: string; installedDate: string };
  tooSlow: { seconds: number };
  storageFull: None;
  storage: { detail: string };
  /** `why` is an error's own words; null: the browser or the extension stopped. */
  interrupted: { startedAt: string; why: string | null };
  // Feed v2 (lib/sync/v2): the manifest, its signature, the files it names.
  v2Unavailable: None;
  downgrade: None;
  manifestNotJson: None;
  manifestInvalid: { problem: string };
  keyInvalid: None;
  noKey: None;
  noSignature: None;
  signatureFile: None;
  signatureMismatch: None;
  signatureNotYours: None;
  keyChanged: { key: string; pinned: string };
  expired: { date: string };
  replay: { seq: number; installed: number };
  fileMismatch: { path: string };
  fileFailed: { path: string; detail: string };
  shardInvalid: { problem: string };
  misplaced: { path: string; line: number };
  shardReviewers: { path: string };
  countMismatch: { kind: string; got: number; want: number };
  keyTwice: None;
  comparisonRefs: { problem: string };
  // The lookup index (lib/background/worker-state.ts).
  indexMissing: None;
  indexDamaged: None;
}

export type WorkerTextCode = keyof WorkerTextParams;

export type WorkerText = {
  [C in WorkerTextCode]: { code: C; params: WorkerTextParams[C] };
}[WorkerTextCode];

/** What each feed problem says, by code (lib/feed/problems.ts makes them). */
export interface ProblemParams {
  // Written for the feed format.
  required: None;
  notObject: None;
  notList: None;
  controls: None;
  slug: None;
  githubRepo: None;
  githubReserved: None;
  hfRepo: None;
  hfReserved: None;
  hostName: None;
  publicSuffix: None;
  httpsUrl: None;
  twoVerdicts: None;
  version: None;
  repeats: { value: string };
  secondReview: { reviewer: string };
  duplicateId: { id: string };
  taken: { value: string; owner: string };
  unknownTool: { id: string };
  unknownReviewer: { id: string };
  unknownVerdict: { id: string };
  toolVerdicts: { tool: string; max: number };
  verdictComparisons: { verdict: string; max: number };
  /** `count`: how many there were, when the check counted them all. */
  tooManyRecords: { max: number; count: number | null };
  tooManyItems: { max: number; count: number | null };
  tooDeep: { depth: number };
  future: { date: string; now: string };
  // Written for a change to the installed dataset (a feed v2 delta).
  noRecord: { id: string };
  deletedTwice: { id: string };
  upsertedAndDeleted: { id: string };
  reviewStays: { verdict: string; reviewer: string };
  toolStaysNamed: { verdict: string; tool: string };
  verdictStaysNamed: { comparison: string; verdict: string };
  // zod's own checks, by the kind of issue.
  notString: None;
  notNumber: None;
  notWholeNumber: None;
  notRecord: None;
  wrongType: { expected: string };
  tooLong: { max: number };
  tooShort: { min: number };
  tooMany: { max: number };
  tooFew: { min: number };
  tooHigh: { max: number };
  tooLow: { min: number };
  dateTime: None;
  oneOf: { values: string };
  /** Anything else: the validator's English words. */
  other: { message: string };
}

export type ProblemCode = keyof ProblemParams;

export type ProblemText = {
  [C in ProblemCode]: { code: C; params: ProblemParams[C] };
}[ProblemCode];

/** One problem of a feed as a page shows it: its JSON path (kept as it is) and what is wrong. */
export interface FeedIssue {
  path: string;
  text: ProblemText;
}

/** An error whose text a page can render in its language (see ReplyError in the protocol). */
export class TextError extends Error {
  constructor(
    message: string,
    readonly text: WorkerText,
  ) {
    super(message);
  }
}
