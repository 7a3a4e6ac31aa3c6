import { STEP_ITEMS, type Steps } from '../model/steps';
import { LIMITS } from './schema';
import { formatPath, type FeedProblem } from './validate';
import { problem } from './problems';

/** Characters scanned between two yields. */
const STEP_CHARS = STEP_ITEMS * 128;

// A Map, not an object: a key such as "constructor" must not find a limit on the prototype.
const RECORD_LISTS: ReadonlyMap<string, number> = new Map([
  ['reviewers', LIMITS.reviewers],
  ['tools', LIMITS.tools],
  ['verdicts', LIMITS.verdicts],
  ['comparisons', LIMITS.comparisons],
]);

interface Frame {
  array: boolean;
  /** Values seen so far in an array; the index of the current one is count - 1. */
  count: number;
  /** An array waits for a value after `[` and `,`; an object for a key. */
  awaiting: boolean;
  /** An object's current key, as the offsets of its text between the quotes. */
  keyStart: number;
  keyEnd: number;
  /** At most this many values (arrays); `records` for the four record lists. */
  max: number;
  records: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The feed's counts and nesting checked on its text, before JSON.parse builds anything: a body of
 * 12 million list items or 100,000 nested arrays is refused after a scan that allocates nothing
 * per item and gives the event loop back every STEP_CHARS characters, instead of after a parse
 * that holds the worker for seconds and fills its memory. Only the structure is read (strings are
 * skipped, escapes included); whether the text is JSON at all is JSON.parse's to say afterwards.
 */
export function* scanFeedText(text: string): Steps<FeedProblem | null> {
  const frames: Frame[] = [];
  let inString = false;
  /** The path of the value the scan is in, `upTo` frames deep. */
  const path = (upTo = frames.length) =>
    formatPath(
      frames.slice(0, upTo).map((f) => (f.array ? f.count - 1 : text.slice(f.keyStart, f.keyEnd))),
    );
  for (let i = 0; i < text.length; i++) {
    if (i % STEP_CHARS === STEP_CHARS - 1) yield;
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (isSpace(c)) continue;
    const top = frames[frames.length - 1];
    if (top?.array && top.awaiting && c !== CLOSE_ARRAY) {
      top.awaiting = false;
      if (++top.count > top.max) {
        const found = problem(top.records ? 'tooManyRecords' : 'tooManyItems', {
          max: top.max,
          count: null,
        });
        return { path: path(frames.length - 1), ...found };
      }
    }
    if (c === QUOTE) {
      inString = true;
      if (top && !top.array && top.awaiting) {
        // A key: remember where it is, for the path of a problem below it.
        const start = i + 1;
        for (i = start; i < text.length; i++) {
          const k = text.charCodeAt(i);
          if (k === BACKSLASH) i++;
          else if (k === QUOTE) break;
        }
        inString = false;
        top.keyStart = start;
        top.keyEnd = i;
        top.awaiting = false;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (frames.length >= LIMITS.depth)
        return { path: path(), ...problem('tooDeep', { depth: LIMITS.depth }) };
      const key = top && !top.array ? text.slice(top.keyStart, top.keyEnd) : '';
      const records = frames.length === 1 && RECORD_LISTS.has(key) && c === OPEN_ARRAY;
      const max = records ? RECORD_LISTS.get(key)! : LIMITS.innerList;
      const array = c === OPEN_ARRAY;
      frames.push({ array, count: 0, awaiting: true, keyStart: 0, keyEnd: 0, max, records });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      frames.pop();
    } else if (c === COMMA && top) {
      top.awaiting = true;
    }
  }
  return null;
}
