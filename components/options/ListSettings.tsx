import { useId, useState } from 'react';
import { BUILT_IN_SITES } from '../../lib/sites/built-in';
import { useSavedSetting } from '../../lib/ui/use-saved-setting';
import type { Settings } from '../../lib/settings/schema';

type ListKey = keyof Settings['lists'];

const LISTS: readonly { key: ListKey; label: string; hint: string }[] = [
  {
    key: 'github',
    label: `${BUILT_IN_SITES.github.name} lists`,
    hint: 'Search results, trending, topics, and an org’s or user’s repositories and stars',
  },
  {
    key: 'huggingface',
    label: `${BUILT_IN_SITES.huggingface.name} lists`,
    hint: 'The models, datasets and spaces listings, org pages and collections',
  },
];

interface Props {
  lists: Settings['lists'];
  sites: Settings['sites'];
}

/** A compact badge beside each rated result on list pages, switched per site. */
export function ListSettings({ lists, sites }: Props) {
  const id = useId();
  const switches = useSavedSetting('lists', lists);
  const [message, setMessage] = useState('');

  const toggle = (key: ListKey, on: boolean) => {
    setMessage('');
    switches
      .save({ ...switches.value, [key]: on })
      .catch((error: unknown) => setMessage(`Could not save: ${String(error)}`));
  };

  return (
    <fieldset className="vl-fieldset" aria-describedby={`${id}-intro`}>
      <legend>Badges in lists</legend>
      <p className="vl-intro" id={`${id}-intro`}>
        A small badge beside each rated result, where you choose between tools.
      </p>
      <ul className="vl-checks">
        {LISTS.map((list) => (
          <li key={list.key}>
            <div className="vl-check">
              <input
                id={`${id}-${list.key}`}
                type="checkbox"
                role="switch"
                checked={switches.value[list.key]}
                aria-checked={switches.value[list.key]}
                aria-describedby={`${id}-${list.key}-hint`}
                onChange={(e) => toggle(list.key, e.target.checked)}
              />
              <label className="vl-check-name" htmlFor={`${id}-${list.key}`}>
                {list.label}
              </label>
              <span className="vl-check-focus" id={`${id}-${list.key}-hint`}>
                {sites[list.key]
                  ? list.hint
                  : `Off while badges on ${BUILT_IN_SITES[list.key].name} are off`}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {message && (
        <p role="status" className="vl-muted">
          {message}
        </p>
      )}
    </fieldset>
  );
}
