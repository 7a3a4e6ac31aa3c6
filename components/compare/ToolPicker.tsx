import { i18n } from '#i18n';
import { numberText } from '../../lib/ui/locale';
import { useEffect, useId, useRef, useState } from 'react';
import { percent } from '../../lib/model/format';
import type { VerdictSummary } from '../../lib/model/answers';

/** How many options the list shows. */
const SHOWN = 12;
/** Typing pauses this long before the search goes out. */
const DEBOUNCE_MS = 60;

export type SearchFn = (query: string, limit: number) => Promise<VerdictSummary[]>;

interface Props {
  label: string;
  /** The picked verdict, or null. */
  selected: { id: string; title: string } | null;
  onPick: (hit: VerdictSummary) => void;
  search: SearchFn;
  placeholder?: string;
  /** Focus the input when the page opens ("Compare with…" from the library). */
  autoFocus?: boolean;
}

/**
 * A searchable picker, the ARIA combobox pattern: an input with a popup listbox. Type to search
 * every tool and verdict; ArrowDown/ArrowUp move, Enter picks, Escape closes (again: restores).
 */
export function ToolPicker({ label, selected, onPick, search, placeholder, autoFocus }: Props) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const selectedTitle = selected?.title ?? '';
  const [query, setQuery] = useState(selectedTitle);
  const [seenTitle, setSeenTitle] = useState(selectedTitle);
  const [open, setOpen] = useState(false);
  const [hits, setHits] = useState<VerdictSummary[]>([]);
  const [active, setActive] = useState(-1);
  const [answered, setAnswered] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const seq = useRef(0);

  // A pick made elsewhere (swap, the tab's tool, the URL) shows in the input.
  if (seenTitle !== selectedTitle) {
    setSeenTitle(selectedTitle);
    setQuery(selectedTitle);
  }

  useEffect(() => {
    if (pending === null) return;
    const n = ++seq.current;
    const timer = setTimeout(() => {
      void search(pending, SHOWN).then(
        (found) => {
          if (n !== seq.current) return;
          setHits(found);
          setActive(found.length > 0 ? 0 : -1);
          setAnswered(pending);
        },
        () => {
          if (n !== seq.current) return;
          setHits([]);
          setActive(-1);
          setAnswered(pending);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [pending, search]);

  useEffect(() => {
    if (open && active >= 0)
      document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // optionId only depends on id, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, active]);

  const openWith = (text: string) => {
    setOpen(true);
    setPending(text);
  };

  const close = () => {
    seq.current++;
    setOpen(false);
    setPending(null);
    setActive(-1);
  };

  const pick = (hit: VerdictSummary) => {
    close();
    setQuery(hit.title);
    onPick(hit);
  };

  const restore = () => {
    close();
    setQuery(selectedTitle);
  };

  const showList = open && hits.length > 0 && answered !== null;
  const noMatches = open && answered !== null && answered === pending && hits.length === 0;

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) openWith(query === selectedTitle ? '' : query);
        else if (hits.length > 0) setActive((active + 1) % hits.length);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) openWith(query === selectedTitle ? '' : query);
        else if (hits.length > 0) setActive((active - 1 + hits.length) % hits.length);
        break;
      case 'Home':
      case 'End':
        if (showList) {
          e.preventDefault();
          setActive(e.key === 'Home' ? 0 : hits.length - 1);
        }
        break;
      case 'Enter': {
        const hit = showList ? hits[active] : undefined;
        if (hit) {
          e.preventDefault();
          pick(hit);
        }
        break;
      }
      case 'Escape':
        if (open || query !== selectedTitle) {
          e.preventDefault();
          e.stopPropagation();
          if (open) close();
          else restore();
        }
        break;
    }
  };

  return (
    <div className="vl-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        className="vl-input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        // Asked for by the link the user followed ("Compare with…"), never on its own.
        autoFocus={autoFocus}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          openWith(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (open || query !== selectedTitle) restore();
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={i18n.t('compare.matches', { label })}
        className="vl-listbox"
        hidden={!showList}
        // Keep focus in the input (clicks on options and the scrollbar): the pick happens on click.
        onMouseDown={(e) => e.preventDefault()}
      >
        {showList &&
          hits.map((hit, i) => (
            <li
              key={hit.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="vl-option"
              onMouseMove={() => i !== active && setActive(i)}
              onClick={() => pick(hit)}
            >
              <span>
                {hit.title}
                {!hit.title.toLowerCase().includes(hit.toolName.toLowerCase()) && (
                  <span className="vl-option-tool">{hit.toolName}</span>
                )}
              </span>
              <span className="vl-option-meta">
                {i18n.t('compare.hitShip', { score: percent(hit.panelShip) })}
              </span>
            </li>
          ))}
      </ul>
      <div aria-live="polite">
        {noMatches ? (
          <p className="vl-picker-empty">{i18n.t('compare.noMatches')}</p>
        ) : (
          showList && (
            <span className="vl-sr-only">
              {i18n.t('compare.matchCount', hits.length, [numberText(hits.length)])}
            </span>
          )
        )}
      </div>
    </div>
  );
}
