import { median, p95, round } from './stats';

/** A budget is absolute, or relative to the floor measured in the same run. */
export type Budget = { max: number } | { floorPlus: number } | { floorTimes: number };

export interface MetricDef {
  unit: string;
  /** The figure: the median over runs of each run's value, or of each run's 95th percentile. */
  stat: 'median' | 'p95';
  budget: Budget;
  what: string;
}

export const METRICS = {
  'badge.warm.ms': {
    unit: 'ms',
    stat: 'median',
    budget: { floorPlus: 30 },
    what: 'navigation start → badge in the page, rated GitHub repo, worker warm',
  },
  'badge.cold.ms': {
    unit: 'ms',
    stat: 'median',
    budget: { floorPlus: 150 },
    what: 'the same with the service worker stopped first',
  },
  'page.overhead.ms': {
    unit: 'ms',
    stat: 'median',
    budget: { floorPlus: 0.5 },
    what: 'extra main-thread script time, GitHub page with no verdict, vs no extension; floor: an empty content script',
  },
  'list.chips.ms': {
    unit: 'ms',
    stat: 'median',
    budget: { floorPlus: 50 },
    what: 'navigation start → all 10 chips in, 100-result search page; floor: the floor extension’s static insert there',
  },
  'list.overhead.ms': {
    unit: 'ms',
    stat: 'median',
    budget: { floorPlus: 0.5 },
    what: 'extra main-thread script time, 100-result search page with no rated result; floor: an empty content script',
  },
  'list.overhead.read.ms': {
    unit: 'ms',
    stat: 'median',
    budget: { floorPlus: 0.5 },
    what: 'the same figure; floor: a content script that reads the same result links at DOMContentLoaded (what reading them costs any extension)',
  },
  'popover.open.first.ms': {
    unit: 'ms',
    stat: 'p95',
    budget: { floorPlus: 40 },
    what: 'click → popover with its quotes, first opening in a tab (UI injected); floor: a React popover of static quotes injected the same way',
  },
  'popover.open.warm.ms': {
    unit: 'ms',
    stat: 'p95',
    budget: { floorPlus: 25 },
    what: 'click → popover with its quotes, later openings in the tab; floor: the React popover of static quotes re-rendered',
  },
  'library.keystroke.ms': {
    unit: 'ms',
    stat: 'p95',
    budget: { max: 100 },
    what: 'keystroke in the library search → its first results on screen, big dataset',
  },
  'content.js.gz.kb': {
    unit: 'KB',
    stat: 'median',
    budget: { max: 15 },
    what: 'gzipped content scripts a page with no verdict gets',
  },
  'lookup.p95.ms': {
    unit: 'ms',
    stat: 'p95',
    budget: { floorTimes: 1.5 },
    what: 'lookup round trip from an extension page; floor: ping',
  },
  'sync.full.s': {
    unit: 's',
    stat: 'median',
    budget: { floorTimes: 1.5 },
    what: 'full sync of a 10,000-tool feed from 127.0.0.1; floor: raw Dexie bulkPut of the rows',
  },
  'sync.full100k.s': {
    unit: 's',
    stat: 'median',
    budget: { floorTimes: 1.5 },
    what: 'full install of a signed v2 feed of the big dataset (every shard) from 127.0.0.1; floor: raw Dexie bulkPut of the rows',
  },
  'sync.heap100k.mb': {
    unit: 'MB',
    stat: 'median',
    budget: { max: 64 },
    what: 'the worker’s peak used heap during that install (CDP, sampled every 100 ms)',
  },
  'sync.delta1pct.s': {
    unit: 's',
    stat: 'median',
    budget: { max: 2 },
    what: 'sync of the next publication, 1 % of the big dataset’s tools changed (by delta)',
  },
  'sync.delta1pct.bytes': {
    unit: '%',
    stat: 'median',
    budget: { max: 2 },
    what: 'bytes that sync downloads, as a share of the full snapshot’s',
  },
  'sync.lookup.p95.ms': {
    unit: 'ms',
    stat: 'p95',
    budget: { max: 50 },
    what: 'lookup round trip from an extension page while a full sync checks and installs a feed',
  },
  'sync.notModified.ms': {
    unit: 'ms',
    stat: 'median',
    budget: { max: 50 },
    what: 'a sync answered 304',
  },
  'popup.ready.ms': {
    unit: 'ms',
    stat: 'median',
    budget: { max: 150 },
    what: 'popup open → search input enabled and first render done',
  },
  'search.keystroke.p95.ms': {
    unit: 'ms',
    stat: 'p95',
    budget: { max: 16 },
    what: 'search round trip per keystroke',
  },
  'search.first100k.ms': {
    unit: 'ms',
    stat: 'median',
    budget: { max: 100 },
    what: 'the first search after a worker start (reads the stored search index), big dataset',
  },
} satisfies Record<string, MetricDef>;

export type MetricName = keyof typeof METRICS;

export interface MetricResult {
  value: number;
  unit: string;
  floor: number | null;
  budget: number;
  ok: boolean;
  p95: number;
}

/** Samples: one number per run, or per run a list (a p95 figure is then taken within each run). */
export type Samples = readonly number[] | readonly (readonly number[])[];

/**
 * The figure is a median over runs: of the runs' single samples, or for a p95 metric of each
 * run's own p95. The floor gets the same statistic, from the same runs. `p95` in the result is
 * the 95th percentile of every sample pooled, whatever the figure is.
 */
function figure(def: MetricDef, samples: Samples): { value: number; pooled: number[] } {
  const runs = samples.map((s) => (typeof s === 'number' ? [s] : [...s]));
  const perRun = runs.map((run) => (def.stat === 'p95' ? p95(run) : median(run)));
  return { value: median(perRun), pooled: runs.flat() };
}

/** The figure, its floor (same statistic, same run) and the budget as an absolute number. */
export function evaluate(
  name: MetricName,
  samples: Samples,
  floorSamples: Samples | null = null,
): MetricResult {
  const def: MetricDef = METRICS[name];
  const { value, pooled } = figure(def, samples);
  const floor = floorSamples ? figure(def, floorSamples).value : null;
  const b = def.budget;
  let budget: number;
  if ('max' in b) budget = b.max;
  else if (floor === null) throw new Error(`${name} needs a floor`);
  else budget = 'floorPlus' in b ? floor + b.floorPlus : floor * b.floorTimes;
  return {
    value: round(value),
    unit: def.unit,
    floor: floor === null ? null : round(floor),
    budget: round(budget),
    ok: value <= budget,
    p95: round(p95(pooled)),
  };
}

export interface InfoLine {
  name: string;
  value: string;
}

const pad = (s: string, n: number) => s.padEnd(n);

export function table(
  results: Partial<Record<MetricName, MetricResult>>,
  info: InfoLine[],
): string {
  const rows = [['metric', 'value', 'floor', 'budget', 'p95', 'ok']];
  for (const [name, r] of Object.entries(results)) {
    rows.push([
      name,
      `${r.value} ${r.unit}`,
      r.floor === null ? '—' : `${r.floor} ${r.unit}`,
      `≤ ${r.budget} ${r.unit}`,
      `${r.p95} ${r.unit}`,
      r.ok ? 'ok' : `MISS by ${round(r.value - r.budget)} ${r.unit}`,
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => pad(cell, widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  if (info.length > 0) {
    lines.push('', 'without a budget:');
    for (const line of info) lines.push(`  ${line.name}: ${line.value}`);
  }
  return `${lines.join('\n')}\n`;
}
