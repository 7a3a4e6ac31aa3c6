import type { DatasetCoverage } from '../../lib/model/dataset-meta';
import { dateText } from '../../lib/model/format';
import { uiLocale } from '../../lib/ui/locale';

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The dataset's reach in words, every figure counted from the installed data. */
export function CoverageText({ coverage: c }: { coverage: DatasetCoverage }) {
  const which = c.source === 'bundled' ? 'The bundled dataset' : 'Your feed';
  return (
    <>
      <p>
        {which} ({dateText(c.generatedAt, uiLocale())}) holds{' '}
        {count(c.verdicts, 'verdict', 'verdicts')} of {count(c.tools, 'tool', 'tools')}, from{' '}
        {count(c.comparisons, 'comparison', 'comparisons')}.
      </p>
      <ul>
        <li>{count(c.onGithub, 'tool is', 'tools are')} found on GitHub</li>
        <li>{count(c.onHuggingface, 'tool is', 'tools are')} found on Hugging Face</li>
        <li>
          {count(c.productDomains.length, 'product site', 'product sites')}
          {c.productDomains.length > 0 && `: ${c.productDomains.join(', ')}`}
        </li>
        {c.unmatched > 0 && (
          <li>
            {count(c.unmatched, 'tool has', 'tools have')} no page of its own yet: find{' '}
            {c.unmatched === 1 ? 'it' : 'them'} in the library and the toolbar button’s search
          </li>
        )}
      </ul>
    </>
  );
}
