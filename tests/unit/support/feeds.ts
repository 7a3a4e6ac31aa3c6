/**
 * Small, valid feeds built in code for unit tests. Everything here is synthetic: ids, names and
 * texts say so, and no record stands for a real verdict.
 */
import { parseFeed } from '../../../lib/feed/validate';
import type { Feed, ReviewerId } from '../../../lib/feed/schema';
import { REVIEWER_IDS } from '../../../lib/feed/schema';

/** The feed as JSON input (before zod defaults), so tests can also break it on purpose. */
export interface FeedJson {
  version: number;
  generatedAt: string;
  reviewers: { id: ReviewerId; name: string; focus: string }[];
  tools: {
    id: string;
    name: string;
    match: { github?: string[]; huggingface?: string[]; domains?: string[] };
  }[];
  verdicts: VerdictJson[];
  comparisons?: { id: string; title: string; verdictIds: string[] }[];
}

export interface VerdictJson {
  id: string;
  toolId: string;
  title: string;
  tagline: string;
  category: string;
  summary?: string;
  panelShip: number;
  community: number | null;
  entry: string;
  reviews: { reviewerId: ReviewerId; quote: string }[];
  publishedAt?: string;
}

export const SYNTHETIC_REVIEWERS: FeedJson['reviewers'] = REVIEWER_IDS.map((id) => ({
  id,
  name: `Synthetic ${id}`,
  focus: `Synthetic focus of the ${id} persona`,
}));

export function syntheticVerdict(
  id: string,
  toolId: string,
  over: Partial<VerdictJson> = {},
): VerdictJson {
  return {
    id,
    toolId,
    title: `Synthetic verdict ${id}`,
    tagline: 'Synthetic tagline',
    category: 'Synthetic category',
    summary: 'Synthetic summary.',
    panelShip: 50,
    community: null,
    entry: 'Free',
    reviews: [{ reviewerId: 'builder', quote: `Synthetic quote on ${id}.` }],
    ...over,
  };
}

export interface SyntheticFeedOptions {
  tools?: number;
  verdicts?: number;
  comparisons?: number;
  generatedAt?: string;
  /** Distinguishes two otherwise equal feeds (goes into every name). */
  tag?: string;
}

/**
 * `tools` synthetic tools (each matched by a GitHub repo and a domain), `verdicts` verdicts spread
 * round-robin over them, and `comparisons` comparisons pairing neighbouring verdicts.
 */
export function syntheticFeed(opts: SyntheticFeedOptions = {}): FeedJson {
  const { tools = 3, verdicts = 4, comparisons = 1, tag = 'a' } = opts;
  const toolRows = Array.from({ length: tools }, (_, i) => ({
    id: `synthetic-tool-${i}`,
    name: `Synthetic Tool ${i} (${tag})`,
    match: {
      github: [`synthetic-org/tool-${i}`],
      domains: [`tool-${i}.synthetic.test`],
    },
  }));
  const verdictRows = Array.from({ length: verdicts }, (_, i) =>
    syntheticVerdict(`synthetic-verdict-${i}`, `synthetic-tool-${i % tools}`, {
      title: `Synthetic verdict ${i} (${tag})`,
      panelShip: i % 101,
    }),
  );
  const comparisonRows = Array.from({ length: Math.min(comparisons, verdicts - 1) }, (_, i) => ({
    id: `synthetic-comparison-${i}`,
    title: `Synthetic comparison ${i} (${tag})`,
    verdictIds: [`synthetic-verdict-${i}`, `synthetic-verdict-${i + 1}`],
  }));
  return {
    version: 1,
    generatedAt: opts.generatedAt ?? '2025-01-01T00:00:00Z',
    reviewers: SYNTHETIC_REVIEWERS,
    tools: toolRows,
    verdicts: verdictRows,
    comparisons: comparisonRows,
  };
}

/**
 * Synthetic Cursor-like data for lookup tests: two releases of one tool, a docs site owned by a
 * separate tool (to prove the most specific domain wins), and a comparison.
 */
export function cursorFeed(order: 'old-first' | 'new-first' = 'old-first'): FeedJson {
  const v49 = syntheticVerdict('cursor-v0-49', 'cursor', {
    title: 'Cursor v0.49 – synthetic release',
    panelShip: 60,
  });
  const v50 = syntheticVerdict('cursor-v0-50', 'cursor', {
    title: 'Cursor v0.50 – synthetic release',
    panelShip: 80,
    reviews: [
      { reviewerId: 'builder', quote: 'Synthetic quote.' },
      { reviewerId: 'skeptic', quote: 'Synthetic doubt.' },
    ],
  });
  const windsurf = syntheticVerdict('windsurf-synthetic', 'windsurf', {
    title: 'Windsurf – synthetic',
    panelShip: 40,
  });
  const docs = syntheticVerdict('cursor-docs-synthetic', 'cursor-docs', {
    title: 'Cursor Docs – synthetic',
  });
  return {
    version: 1,
    generatedAt: '2025-02-01T00:00:00Z',
    reviewers: SYNTHETIC_REVIEWERS,
    tools: [
      {
        id: 'cursor',
        name: 'Cursor (synthetic)',
        match: { github: ['getcursor/cursor'], domains: ['cursor.com'] },
      },
      {
        id: 'cursor-docs',
        name: 'Cursor Docs (synthetic)',
        match: { domains: ['docs.cursor.com'] },
      },
      { id: 'windsurf', name: 'Windsurf (synthetic)', match: { domains: ['windsurf.com'] } },
    ],
    verdicts: order === 'old-first' ? [v49, v50, windsurf, docs] : [v50, windsurf, docs, v49],
    comparisons: [
      {
        id: 'cursor-vs-windsurf-synthetic',
        title: 'Cursor vs Windsurf (synthetic)',
        verdictIds: ['cursor-v0-50', 'windsurf-synthetic'],
      },
    ],
  };
}

/** The validated feed, as installFeed takes it; throws when the test data itself is invalid. */
export function toFeed(json: FeedJson): Feed {
  const result = parseFeed(json);
  if (!result.ok) throw new Error(`invalid test feed: ${JSON.stringify(result.problems[0])}`);
  return result.feed;
}

export interface FakeResponseInit {
  status?: number;
  headers?: Record<string, string>;
}

/** A fetch Response with a text body. */
export function textResponse(body: string, init: FakeResponseInit = {}): Response {
  const status = init.status ?? 200;
  const noBody = status === 304 || status === 204;
  return new Response(noBody ? null : body, { status, headers: init.headers });
}

export const jsonResponse = (feed: unknown, init: FakeResponseInit = {}): Response =>
  textResponse(JSON.stringify(feed), init);

/** A body streamed in chunks, with no content-length header. */
export function streamedResponse(chunks: string[], init: FakeResponseInit = {}): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
  return new Response(stream, { status: init.status ?? 200, headers: init.headers });
}

export interface FetchCall {
  url: string;
  headers: Record<string, string>;
  init: RequestInit | undefined;
}

/**
 * A fetch that answers from `respond` and records each call. `respond` may return a Response, throw
 * or return a promise (e.g. one that never settles).
 */
export function fakeFetch(respond: (call: FetchCall) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call: FetchCall = {
      url: String(input),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      init,
    };
    calls.push(call);
    return respond(call);
  }) as typeof fetch;
  return { fetch: fn, calls };
}

/** A fetch that never answers until its signal aborts, then rejects like a real fetch. */
export const hangingFetch = (): typeof fetch =>
  ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal;
      signal?.addEventListener('abort', () =>
        reject(new DOMException('The operation was aborted.', 'AbortError')),
      );
    })) as typeof fetch;
