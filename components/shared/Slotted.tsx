import { Fragment, type ReactNode } from 'react';

/**
 * A catalogue message with elements in it: each `{name}` left in `text` is replaced by
 * `slots[name]` (a link, a bold word), so a translation can move them where its grammar wants.
 */
export function Slotted({ text, slots }: { text: string; slots: Record<string, ReactNode> }) {
  const parts = text.split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>{i % 2 === 1 ? (slots[part] ?? `{${part}}`) : part}</Fragment>
      ))}
    </>
  );
}
