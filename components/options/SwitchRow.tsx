interface Props {
  /** Unique on the page: the input's id, and its hint's with `-hint`. */
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}

/** One switch of a list of them: its name, and what it covers as its description. */
export function SwitchRow({ id, label, hint, checked, onChange }: Props) {
  return (
    <li>
      <div className="vl-check">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={checked}
          aria-checked={checked}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label className="vl-check-name" htmlFor={id}>
          {label}
        </label>
        <span className="vl-check-focus" id={`${id}-hint`}>
          {hint}
        </span>
      </div>
    </li>
  );
}
