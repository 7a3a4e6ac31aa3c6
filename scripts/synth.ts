import {
  REVIEWER_IDS,
  type Comparison,
  type Feed,
  type Reviewer,
  type ReviewerId,
  type Tool,
  type Verdict,
} from '../lib/feed/schema';

/**
 * SYNTHETIC feeds for benchmarks: made-up tools with realistic shapes, never product data.
 * Everything synthetic says so where a feed can say it: tool and verdict ids start with
 * `synthetic-`, names read "Synthetic Tool N", GitHub owners and Hugging Face orgs are
 * `synthetic-org-N`, domains end in the reserved `.example` TLD. Deterministic for a seed.
 */

export interface SynthOptions {
  tools: number;
  seed?: number;
  generatedAt?: string;
}

export const SYNTHETIC_PREFIX = 'synthetic-';
export const DEFAULT_SEED = 1;
export const DEFAULT_GENERATED_AT = '2026-01-01T00:00:00.000Z';
/** Review quotes are this long (characters), skewed to the short end like the real pages. */
export const QUOTE_MIN = 150;
export const QUOTE_MAX = 600;

/** mulberry32: small, fast and the same on every platform. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADJECTIVES = [
  'agentic',
  'async',
  'bright',
  'cached',
  'deep',
  'edge',
  'fast',
  'graph',
  'hybrid',
  'inline',
  'lean',
  'local',
  'modular',
  'neural',
  'open',
  'quantum',
  'rapid',
  'sparse',
  'tiny',
  'vector',
];
const NOUNS = [
  'agent',
  'atlas',
  'beacon',
  'canvas',
  'compiler',
  'copilot',
  'forge',
  'harbor',
  'lattice',
  'loom',
  'notebook',
  'orbit',
  'pipeline',
  'prism',
  'relay',
  'sandbox',
  'studio',
  'tracer',
  'vault',
  'workbench',
];
const CATEGORIES = [
  'Developer Tools',
  'AI Models',
  'Datasets',
  'Productivity',
  'Design',
  'Data Science',
  'Infrastructure',
  'Writing',
];
const ENTRIES = ['Free', 'Freemium', 'Paid', 'Open source', 'Free trial'];
const WORDS = (
  'the primitive here is a model that ships with sane defaults and a clear upgrade path for teams ' +
  'who already run their own evaluation harness on real workloads instead of demo prompts the ' +
  'onboarding takes minutes but the pricing page hides the part that matters at scale where ' +
  'latency and cost per request decide whether this survives a second quarter in production ' +
  'competitors will copy the surface quickly so the moat is the data flywheel and the integrations ' +
  'builders already depend on every week while the documentation is honest about its limits'
).split(' ');
const REVIEWER_NAMES: Record<ReviewerId, [string, string]> = {
  builder: ['Builder', 'Developer experience, the core primitive, the moment of truth'],
  skeptic: ['Skeptic', 'Direct competitors, where it breaks, what kills it'],
  futurist: ['Futurist', 'The thesis, second-order effects, the trends it rides'],
  product: ['Product', 'The job to be done, onboarding, the missing part'],
  creator: ['Creator', 'Creative and indie use, who gets access'],
  business: ['Business', 'The buyer, the moat, unit economics'],
};

const pick = <T>(rand: () => number, list: readonly T[]): T =>
  list[Math.floor(rand() * list.length)]!;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The longest word in `WORDS`, plus a space and a full stop: how far short of `length` prose may stop. */
const PROSE_SLACK = Math.max(...WORDS.map((w) => w.length)) + 2;

/** Whole words in sentences, at most `length` and at least `length - PROSE_SLACK` characters. */
function prose(rand: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    const n = 6 + Math.floor(rand() * 10);
    const words = Array.from({ length: n }, () => pick(rand, WORDS));
    out += `${out ? ' ' : ''}${cap(words.join(' '))}.`;
  }
  const cut = out.length === length ? out : out.slice(0, out.lastIndexOf(' ', length - 1));
  return `${cut.replace(/[\s.]+$/, '')}.`;
}

/** 150–600 characters, mean about 200: most panel quotes are a few sentences. */
const quoteLength = (rand: () => number) =>
  QUOTE_MIN + PROSE_SLACK + Math.floor((QUOTE_MAX - QUOTE_MIN - PROSE_SLACK) * rand() ** 8);

const HF_KINDS = ['', 'datasets/', 'spaces/'] as const;

function synthTool(rand: () => number, n: number): { tool: Tool; verdict: Verdict } {
  const id = `${SYNTHETIC_PREFIX}tool-${n}`;
  const org = `synthetic-org-${n % 997}`;
  const name = `Synthetic Tool ${n}`;
  const product = `${cap(pick(rand, ADJECTIVES))} ${cap(pick(rand, NOUNS))}`;
  const major = Math.floor(rand() * 5);
  const minor = Math.floor(rand() * 20);
  const fourth = pick(rand, ['product', 'creator', 'business'] as const);
  const day = Math.floor(rand() * 730);
  const published = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString();
  const tool: Tool = {
    id,
    name,
    match: {
      github: [`${org}/synthetic-repo-${n}`],
      huggingface: [`${HF_KINDS[n % 3]}${org}/synthetic-${n}`],
      domains: [`synthetic-tool-${n}.example`],
    },
  };
  const verdict: Verdict = {
    id,
    toolId: id,
    title: `${name} ${major}.${minor} – ${product}`,
    tagline: prose(rand, 30 + Math.floor(rand() * 40)),
    category: pick(rand, CATEGORIES),
    summary: prose(rand, 40 + Math.floor(rand() * 60)),
    panelShip: Math.floor(rand() * 101),
    community: rand() < 0.3 ? null : Math.floor(rand() * 101),
    entry: pick(rand, ENTRIES),
    reviews: (['builder', 'skeptic', 'futurist', fourth] as const).map((reviewerId) => ({
      reviewerId,
      quote: prose(rand, quoteLength(rand)),
    })),
    publishedAt: published,
  };
  return { tool, verdict };
}

/** A SYNTHETIC feed of `tools` tools, one verdict each, paired into "A vs B" comparisons. */
export function synthFeed({
  tools: count,
  seed = DEFAULT_SEED,
  generatedAt = DEFAULT_GENERATED_AT,
}: SynthOptions): Feed {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError('tools must be a whole number ≥ 0');
  const rand = prng(seed);
  const reviewers: Reviewer[] = REVIEWER_IDS.map((id) => ({
    id,
    name: REVIEWER_NAMES[id][0],
    focus: REVIEWER_NAMES[id][1],
  }));
  const tools: Tool[] = [];
  const verdicts: Verdict[] = [];
  for (let n = 1; n <= count; n++) {
    const made = synthTool(rand, n);
    tools.push(made.tool);
    verdicts.push(made.verdict);
  }
  const comparisons: Comparison[] = [];
  for (let i = 0; i + 1 < verdicts.length; i += 2) {
    const [a, b] = [verdicts[i]!, verdicts[i + 1]!];
    comparisons.push({
      id: `${a.id}-vs-${b.id.slice(SYNTHETIC_PREFIX.length)}`,
      title: `${tools[i]!.name} vs ${tools[i + 1]!.name}`,
      verdictIds: [a.id, b.id],
    });
  }
  return { version: 1, generatedAt, reviewers, tools, verdicts, comparisons };
}

/**
 * `base` (e.g. the bundled dataset) with `extra`'s tools, verdicts and comparisons added; the
 * base's reviewers are kept. Ids and match keys must not collide (synthetic ones never do).
 */
export function mergeFeeds(base: Feed, extra: Feed, generatedAt = base.generatedAt): Feed {
  return {
    version: 1,
    generatedAt,
    reviewers: base.reviewers,
    tools: [...base.tools, ...extra.tools],
    verdicts: [...base.verdicts, ...extra.verdicts],
    comparisons: [...base.comparisons, ...extra.comparisons],
  };
}
