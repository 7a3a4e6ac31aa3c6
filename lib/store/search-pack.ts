import { byText } from '../model/sorted';
import { runNow, sortInSteps, STEP_ITEMS, type Steps } from '../model/steps';
import { IndexMismatch } from './index-mismatch';
import type { SearchIndexRow } from './rows';
import { normalize, type SearchSource } from './search-source';

/**
 * Builds and updates the packed search index (SearchIndexRow). One function does both: a build
 * is a merge into the empty index, so an index updated change by change is the very row a
 * build from the resulting dataset gives (every order here is total: ties go by id or position).
 * A merge copies the kept entries across (linear, no re-sort) and sorts only what it adds.
 */

/** The line break after every key: normalize() never leaves one in a key or a query. */
const SEP = '\n';

/**
 * JSON with every character above U+00FF escaped, so the concatenated items stay a one-byte
 * string (half the bytes to store and to read back) whatever the titles hold.
 */
const latin1Json = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[\u0100-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

interface Added {
  id: string;
  sortKey: string;
  keys: string[];
  item: string;
  panelShip: number;
  recency: number;
  time: number;
  category: string;
  entry: string;
}

function added(source: SearchSource): Added {
  const { terms, recency, ...item } = source;
  const keys = [...new Set([item.title, item.toolName, ...terms].map(normalize))].filter(
    (k) => k !== '',
  );
  return {
    id: item.id,
    sortKey: keys[0] ?? '',
    keys,
    item: latin1Json([item.title, item.toolId, item.toolName, item.publishedAt ?? null]),
    panelShip: item.panelShip,
    recency,
    time: item.publishedAt ? Date.parse(item.publishedAt) : Number.NEGATIVE_INFINITY,
    category: item.category,
    entry: item.entry,
  };
}

export const entryCount = (row: SearchIndexRow): number => row.idStarts.length - 1;
export const entryId = (row: SearchIndexRow, i: number): string =>
  row.ids.slice(row.idStarts[i], row.idStarts[i + 1]);
export const keyText = (row: Pick<SearchIndexRow, 'keys' | 'keyStarts'>, k: number): string =>
  row.keys.slice(row.keyStarts[k], row.keyStarts[k + 1]! - 1);
export const sortKeyOf = (row: SearchIndexRow, i: number): string =>
  row.entryKeys[i]! < row.entryKeys[i + 1]! ? keyText(row, row.entryKeys[i]!) : '';

export function emptySearchRow(): SearchIndexRow {
  return {
    id: 'current',
    ids: '',
    idStarts: new Uint32Array(1),
    items: '',
    itemStarts: new Uint32Array(1),
    keys: '',
    keyStarts: new Uint32Array(1),
    entryKeys: new Uint32Array(1),
    keyOrder: new Uint32Array(0),
    panelShip: new Uint8Array(0),
    recency: new Uint16Array(0),
    time: new Float64Array(0),
    category: new Uint32Array(0),
    entry: new Uint32Array(0),
    labels: '[[],[]]',
    byShip: new Uint32Array(0),
    byDate: new Uint32Array(0),
  };
}

/** `order` with each number mapped through `map`, those mapped to -1 left out. */
function remapped(order: Uint32Array, map: Int32Array): Uint32Array {
  const out = new Uint32Array(order.length);
  let n = 0;
  for (const x of order) {
    const y = map[x]!;
    if (y >= 0) out[n++] = y;
  }
  return out.slice(0, n);
}

/** Sorted `adds` merged into sorted `base`: one binary search per added item, runs copied. */
function* mergeSorted(
  base: Uint32Array,
  adds: readonly number[],
  compare: (a: number, b: number) => number,
): Steps<Uint32Array> {
  const out = new Uint32Array(base.length + adds.length);
  let from = 0;
  let o = 0;
  for (let j = 0; j < adds.length; j++) {
    const x = adds[j]!;
    let lo = from;
    let hi = base.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(base[mid]!, x) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.set(base.subarray(from, lo), o);
    o += lo - from;
    out[o++] = x;
    from = lo;
    if (j % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  out.set(base.subarray(from), o);
  return out;
}

/**
 * `old` without the entries whose verdict ids are in `removed`, plus an entry per source. Throws
 * IndexMismatch when a removed id is not in `old`, or an added one already is (and stays).
 */
export function* mergeSearchRowSteps(
  old: SearchIndexRow,
  removed: ReadonlySet<string>,
  sources: readonly SearchSource[],
): Steps<SearchIndexRow> {
  const adds: Added[] = [];
  for (const s of sources) {
    adds.push(added(s));
    if (adds.length % STEP_ITEMS === 0) yield;
  }
  const news = yield* sortInSteps(
    adds,
    (a, b) => byText(a.sortKey, b.sortKey) || byText(a.id, b.id),
  );
  const addedIds = new Set(news.map((a) => a.id));
  if (addedIds.size !== news.length)
    throw new IndexMismatch('search index: a verdict is added twice');

  const n = entryCount(old);
  const keep = new Uint8Array(n);
  let kept = 0;
  let gone = 0;
  let keyTotal = 0;
  for (let i = 0; i < n; i++) {
    const id = entryId(old, i);
    if (removed.has(id)) gone++;
    else if (addedIds.has(id)) throw new IndexMismatch(`search index: "${id}" is already in it`);
    else {
      keep[i] = 1;
      kept++;
      keyTotal += old.entryKeys[i + 1]! - old.entryKeys[i]!;
    }
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  if (gone !== removed.size)
    throw new IndexMismatch('search index: a removed verdict is not in it');
  for (const a of news) keyTotal += a.keys.length;

  // Where each added entry goes among the old ones (before old entry at[j]).
  const at = new Uint32Array(news.length);
  for (let j = 0, lo = 0; j < news.length; j++) {
    const a = news[j]!;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = byText(sortKeyOf(old, mid), a.sortKey) || byText(entryId(old, mid), a.id);
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    at[j] = lo;
    if (j % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }

  const total = kept + news.length;
  const idStarts = new Uint32Array(total + 1);
  const itemStarts = new Uint32Array(total + 1);
  const entryKeys = new Uint32Array(total + 1);
  const keyStarts = new Uint32Array(keyTotal + 1);
  const keyEntry = new Uint32Array(keyTotal);
  const panelShip = new Uint8Array(total);
  const recency = new Uint16Array(total);
  const time = new Float64Array(total);
  // An old entry's label numbers (old labels) or, negative, -1 - its place in `news`.
  const labelFrom = new Int32Array(total);
  const entryMap = new Int32Array(n).fill(-1);
  const keyMap = new Int32Array(old.keyStarts.length - 1).fill(-1);
  const addedAt = new Uint32Array(news.length);
  const idParts: string[] = [];
  const itemParts: string[] = [];
  const keyParts: string[] = [];
  let idOff = 0;
  let itemOff = 0;
  let keyOff = 0;
  let k = 0;
  for (let p = 0, i = 0, j = 0, step = 0; p < total; step++) {
    if (step % STEP_ITEMS === STEP_ITEMS - 1) yield;
    if (j < news.length && (i >= n || at[j]! <= i)) {
      const a = news[j]!;
      idStarts[p] = idOff;
      itemStarts[p] = itemOff;
      entryKeys[p] = k;
      idParts.push(a.id);
      itemParts.push(a.item);
      idOff += a.id.length;
      itemOff += a.item.length;
      for (const key of a.keys) {
        keyStarts[k] = keyOff;
        keyEntry[k++] = p;
        keyParts.push(key, SEP);
        keyOff += key.length + 1;
      }
      panelShip[p] = a.panelShip;
      recency[p] = a.recency;
      time[p] = a.time;
      labelFrom[p] = -1 - j;
      addedAt[j++] = p++;
    } else {
      if (keep[i]) {
        const id = entryId(old, i);
        const item = old.items.slice(old.itemStarts[i], old.itemStarts[i + 1]);
        idStarts[p] = idOff;
        itemStarts[p] = itemOff;
        entryKeys[p] = k;
        idParts.push(id);
        itemParts.push(item);
        idOff += id.length;
        itemOff += item.length;
        const k0 = old.entryKeys[i]!;
        const k1 = old.entryKeys[i + 1]!;
        const c0 = old.keyStarts[k0]!;
        for (let ok = k0; ok < k1; ok++) {
          keyStarts[k] = keyOff + old.keyStarts[ok]! - c0;
          keyMap[ok] = k;
          keyEntry[k++] = p;
        }
        const text = old.keys.slice(c0, old.keyStarts[k1]);
        keyParts.push(text);
        keyOff += text.length;
        panelShip[p] = old.panelShip[i]!;
        recency[p] = old.recency[i]!;
        time[p] = old.time[i]!;
        labelFrom[p] = i;
        entryMap[i] = p++;
      }
      i++;
    }
  }
  idStarts[total] = idOff;
  itemStarts[total] = itemOff;
  entryKeys[total] = k;
  keyStarts[keyTotal] = keyOff;

  // Labels: those kept entries still use, and the added ones'.
  const [oldCategories, oldEntries] = JSON.parse(old.labels) as [string[], string[]];
  const labelsOf = (oldLabels: string[], column: Uint32Array, pick: (a: Added) => string) => {
    const used = new Set<string>();
    for (let i = 0; i < n; i++) if (keep[i]) used.add(oldLabels[column[i]!]!);
    for (const a of news) used.add(pick(a));
    return [...used].sort(byText);
  };
  const categories = labelsOf(oldCategories, old.category, (a) => a.category);
  const entries = labelsOf(oldEntries, old.entry, (a) => a.entry);
  const categoryAt = new Map(categories.map((c, i) => [c, i]));
  const entryAt = new Map(entries.map((e, i) => [e, i]));
  const category = new Uint32Array(total);
  const entry = new Uint32Array(total);
  for (let p = 0; p < total; p++) {
    const from = labelFrom[p]!;
    const a = from < 0 ? news[-1 - from]! : null;
    category[p] = categoryAt.get(a ? a.category : oldCategories[old.category[from]!]!)!;
    entry[p] = entryAt.get(a ? a.entry : oldEntries[old.entry[from]!]!)!;
  }
  yield;

  const keys = keyParts.join('');
  const packed = { keys, keyStarts };
  const keyCompare = (a: number, b: number) =>
    byText(keyText(packed, a), keyText(packed, b)) || keyEntry[a]! - keyEntry[b]!;
  // The added keys sorted as strings (slicing them out for every comparison would be slower).
  const addedKeys: { key: string; k: number }[] = [];
  for (let j = 0; j < news.length; j++) {
    const first = entryKeys[addedAt[j]!]!;
    news[j]!.keys.forEach((key, t) => addedKeys.push({ key, k: first + t }));
  }
  const sortedKeys = yield* sortInSteps(
    addedKeys,
    (a, b) => byText(a.key, b.key) || keyEntry[a.k]! - keyEntry[b.k]!,
  );
  const keyOrder = yield* mergeSorted(
    remapped(old.keyOrder, keyMap),
    sortedKeys.map((x) => x.k),
    keyCompare,
  );
  const shipCompare = (a: number, b: number) => panelShip[b]! - panelShip[a]! || a - b;
  // Dated verdicts newest first, then the undated ones by their place among their tool's.
  const dateCompare = (a: number, b: number) =>
    time[b]! - time[a]! || recency[b]! - recency[a]! || a - b;
  const positions = [...addedAt];
  const byShip = yield* mergeSorted(
    remapped(old.byShip, entryMap),
    yield* sortInSteps(positions, shipCompare),
    shipCompare,
  );
  const byDate = yield* mergeSorted(
    remapped(old.byDate, entryMap),
    yield* sortInSteps(positions, dateCompare),
    dateCompare,
  );
  return {
    id: 'current',
    ids: idParts.join(''),
    idStarts,
    items: itemParts.join(''),
    itemStarts,
    keys,
    keyStarts,
    entryKeys,
    keyOrder,
    panelShip,
    recency,
    time,
    category,
    entry,
    labels: JSON.stringify([categories, entries]),
    byShip,
    byDate,
  };
}

/** The packed index of these verdicts, in steps (an install's, the schema upgrade's). */
export const searchRowSteps = (sources: readonly SearchSource[]): Steps<SearchIndexRow> =>
  mergeSearchRowSteps(emptySearchRow(), new Set(), sources);

/** The same at once. */
export const buildSearchRow = (sources: readonly SearchSource[]): SearchIndexRow =>
  runNow(searchRowSteps(sources));
