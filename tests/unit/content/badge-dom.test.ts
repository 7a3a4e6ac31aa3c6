import { parseHTML } from 'linkedom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Badge } from '../../../components/popover/Badge';
import { drawBadge } from '../../../lib/content/badge-dom';

/** Tag, attributes (sorted: attribute order carries no meaning) and children, recursively. */
function shape(el: Element): unknown {
  return {
    tag: el.localName,
    attributes: Object.fromEntries(
      [...el.attributes].map((a) => [a.name, a.value]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
    ),
    // Adjacent text nodes are one text (linkedom splits text at entities when it parses).
    children: [...el.childNodes].reduce<unknown[]>((out, n) => {
      const last = out.at(-1) as { text?: string } | undefined;
      if (n.nodeType !== 1 && last?.text !== undefined) last.text += n.textContent ?? '';
      else out.push(n.nodeType === 1 ? shape(n as Element) : { text: n.textContent ?? '' });
      return out;
    }, []),
  };
}

describe('drawBadge', () => {
  it.each([
    ['ml-intern', 75],
    ['Cursor', 100],
    ['A <b>tool</b> & "co"', 39.6],
    ['Mixed', 40],
  ])('draws the markup React renders for %s at %s %%', (toolName, panelShip) => {
    const { document } = parseHTML(
      '<!doctype html><html><body><div id="react"></div></body></html>',
    );
    const drawn = drawBadge(document as unknown as Document);
    drawn.update({ toolId: 't', toolName, verdictId: 'v', panelShip }, 'dark');
    const react = renderToStaticMarkup(
      createElement(Badge, { toolName, panelShip, expanded: false, onToggle: () => {} }),
    );
    // React's own server markup, parsed into a second document to compare shapes.
    const reactDoc = parseHTML(`<!doctype html><html><body>${react}</body></html>`).document;
    expect(shape(drawn.button as unknown as Element)).toEqual(
      shape(reactDoc.body.firstElementChild as unknown as Element),
    );
    expect(drawn.root.getAttribute('data-theme')).toBe('dark');
    expect(drawn.root.className).toBe('vl-root');
  });
});
