import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { BUILT_IN_SITES } from '../../lib/sites/built-in';
import { useSavedSetting } from '../../lib/ui/use-saved-setting';
import type { Settings } from '../../lib/settings/schema';
import { SwitchRow } from './SwitchRow';

type ListKey = keyof Settings['lists'];

// Read when drawn: the catalogue is the UI's language, known only in the browser.
const LISTS: readonly { key: ListKey; label: () => string; hint: () => string }[] = [
  {
    key: 'github',
    label: () => i18n.t('lists.github', { site: BUILT_IN_SITES.github.name }),
    hint: () => i18n.t('lists.githubHint'),
  },
  {
    key: 'huggingface',
    label: () => i18n.t('lists.huggingface', { site: BUILT_IN_SITES.huggingface.name }),
    hint: () => i18n.t('lists.huggingfaceHint'),
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
      .catch((error: unknown) =>
        setMessage(i18n.t('common.couldNotSave', { error: String(error) })),
      );
  };

  return (
    <fieldset className="vl-fieldset" aria-describedby={`${id}-intro`}>
      <legend>{i18n.t('lists.title')}</legend>
      <p className="vl-intro" id={`${id}-intro`}>
        {i18n.t('lists.intro')}
      </p>
      <ul className="vl-checks">
        {LISTS.map((list) => (
          <SwitchRow
            key={list.key}
            id={`${id}-${list.key}`}
            label={list.label()}
            hint={
              sites[list.key]
                ? list.hint()
                : i18n.t('lists.siteOff', { site: BUILT_IN_SITES[list.key].name })
            }
            checked={switches.value[list.key]}
            onChange={(on) => toggle(list.key, on)}
          />
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
