import { PageError } from './page-error';

/**
 * Each tool card carries three stats, value then label: `NN%` `Panel ship`, `—` or a number
 * `Community`, `Free` `Entry`. The labels are the parser's anchors, because they survive every
 * layout change the values and descriptions do not. A value may share its label's line
 * ("100%Panel ship" when an HTML card puts both in sibling spans), so lines are cut at labels.
 */

export interface ToolStats {
  panelShip: number;
  community: number | null;
  entry: string;
  /** Index of the line holding the score; the tool's header lines sit right above it. */
  scoreLine: number;
  /** Index of the first line after the stats, where the description starts. */
  nextLine: number;
  /** Text after the "Entry" label on its own line: the start of the description. */
  trailing: string;
}

// Labels may be glued to a value on either side ("100%Panel ship", "CommunityFreeEntry"), but
// not run on into a lower-case word ("Entrypoint"): see splitAtLabel.
const PANEL_SHIP = /panel[\s-]*ship/gi;
const COMMUNITY = /community/gi;
const ENTRY = /entry/gi;

const NUMBER = /^(\d+(?:\.\d+)?)\s*%?$/;
const NO_VOTES = /^(?:[—–-]+|n\/?a|none)$/i;
const MAX_ENTRY = 40;
// Lines after "Panel ship" searched for the other two labels; room for one stray line each.
const WINDOW = 8;
const LABEL_SLACK = 3;

const isPercent = (text: string): boolean => NUMBER.test(text);
const isCommunityValue = (text: string): boolean => NO_VOTES.test(text) || NUMBER.test(text);
const isEntryValue = (text: string): boolean =>
  text.length <= MAX_ENTRY && !hasLabel(text, PANEL_SHIP) && !hasLabel(text, COMMUNITY);

const SEPARATORS = /^[\s:|·•,]+|[\s:|·•,]+$/g;

function splitAtLabel(text: string, label: RegExp): { before: string; after: string } | null {
  for (const match of text.matchAll(label)) {
    const end = match.index + match[0].length;
    if (/[a-z]/.test(text.charAt(end))) continue;
    return {
      before: text.slice(0, match.index).replace(SEPARATORS, ''),
      after: text.slice(end).replace(SEPARATORS, ''),
    };
  }
  return null;
}

const hasLabel = (text: string, label: RegExp): boolean => splitAtLabel(text, label) !== null;

interface Token {
  text: string;
  line: number;
}

interface PanelShipAnchor {
  line: number;
  scoreLine: number;
  score: string;
  rest: string;
}

/** The next "Panel ship" label in [from, to), or null when there is none. */
export function findPanelShip(
  lines: readonly string[],
  from: number,
  to: number,
  tool: number,
): PanelShipAnchor | null {
  for (let i = from; i < to; i++) {
    const split = splitAtLabel(lines[i] ?? '', PANEL_SHIP);
    if (!split) continue;
    if (split.before !== '') {
      if (isPercent(split.before))
        return { line: i, scoreLine: i, score: split.before, rest: split.after };
      continue; // prose that happens to say "panel ship"
    }
    if (isPercent(split.after)) return { line: i, scoreLine: i, score: split.after, rest: '' };
    const previous = i > from ? lines[i - 1] : undefined;
    if (previous !== undefined && isPercent(previous)) {
      return { line: i, scoreLine: i - 1, score: previous, rest: split.after };
    }
    throw new PageError(
      `tool ${tool}: "Panel ship" is not preceded by a percentage` +
        (previous === undefined ? '' : ` (found "${previous}")`),
    );
  }
  return null;
}

interface LabelSpec {
  label: RegExp;
  name: string;
  /** The label read before this one, for the error message. */
  after: string;
  isValue: (text: string) => boolean;
  /**
   * Whether "Label value" (value after the label) is accepted. Not for Entry: text after the
   * Entry label on its line is the start of the description.
   */
  valueMayFollow: boolean;
}

const COMMUNITY_LABEL: LabelSpec = {
  label: COMMUNITY,
  name: 'Community',
  after: 'Panel ship',
  isValue: isCommunityValue,
  valueMayFollow: true,
};

const ENTRY_LABEL: LabelSpec = {
  label: ENTRY,
  name: 'Entry',
  after: 'Community',
  isValue: isEntryValue,
  valueMayFollow: false,
};

function readLabelled(
  tokens: readonly Token[],
  start: number,
  spec: LabelSpec,
  tool: number,
): { value: string; index: number; rest: string } {
  for (let k = start; k < Math.min(tokens.length, start + LABEL_SLACK + 1); k++) {
    const split = splitAtLabel(tokens[k]!.text, spec.label);
    if (!split) continue;
    if (split.before !== '') {
      if (spec.isValue(split.before)) return { value: split.before, index: k, rest: split.after };
      continue;
    }
    if (spec.valueMayFollow && split.after !== '' && spec.isValue(split.after)) {
      return { value: split.after, index: k, rest: '' };
    }
    const previous = k > start ? tokens[k - 1]!.text : undefined;
    if (previous !== undefined && spec.isValue(previous)) {
      return { value: previous, index: k, rest: split.after };
    }
    throw new PageError(
      `tool ${tool}: no value before "${spec.name}"` +
        (previous === undefined ? '' : ` (found "${previous}")`),
    );
  }
  throw new PageError(`tool ${tool}: no "${spec.name}" label after "${spec.after}"`);
}

function parsePanelShip(text: string, tool: number): number {
  const value = Number(NUMBER.exec(text)?.[1]);
  if (!Number.isInteger(value) || value > 100) {
    throw new PageError(
      `tool ${tool}: panel ship "${text}" is not a whole percentage from 0 to 100`,
    );
  }
  return value;
}

function parseCommunity(text: string, tool: number): number | null {
  if (NO_VOTES.test(text)) return null;
  const value = Number(NUMBER.exec(text)?.[1]);
  if (!(value >= 0 && value <= 100)) {
    throw new PageError(`tool ${tool}: community "${text}" is not a percentage from 0 to 100`);
  }
  return value;
}

/** Reads the stats of the tool whose "Panel ship" label is `anchor`. */
export function readStats(
  lines: readonly string[],
  anchor: PanelShipAnchor,
  tool: number,
): ToolStats {
  const tokens: Token[] = anchor.rest === '' ? [] : [{ text: anchor.rest, line: anchor.line }];
  for (let i = anchor.line + 1; i < Math.min(lines.length, anchor.line + 1 + WINDOW); i++) {
    tokens.push({ text: lines[i]!, line: i });
  }
  const community = readLabelled(tokens, 0, COMMUNITY_LABEL, tool);
  // Whatever shared the "Community" line after the label is the next thing to read.
  if (community.rest !== '') {
    tokens.splice(community.index + 1, 0, {
      text: community.rest,
      line: tokens[community.index]!.line,
    });
  }
  const entry = readLabelled(tokens, community.index + 1, ENTRY_LABEL, tool);
  return {
    panelShip: parsePanelShip(anchor.score, tool),
    community: parseCommunity(community.value, tool),
    entry: entry.value,
    scoreLine: anchor.scoreLine,
    nextLine: tokens[entry.index]!.line + 1,
    trailing: entry.rest,
  };
}
