import { useId } from 'react';
import { SHIP_AT, SKIP_BELOW } from '../../lib/model/band';
import { PERSONAS } from '../../lib/model/reviewers';

/** What the numbers and names mean: the options page and the welcome page show it. */
export function AboutData() {
  const id = useId();
  return (
    <section className="vl-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>About the data</h2>
      <p>
        The verdicts come from a review site’s “A vs B” comparison pages. For each tool, a panel of
        reviewers, each arguing from one point of view, says whether to ship with it.
      </p>
      <h3>The panel</h3>
      <dl className="vl-about-list">
        {PERSONAS.map((p) => (
          <div key={p.id}>
            <dt>{p.name}</dt>
            <dd>{p.focus}</dd>
          </div>
        ))}
      </dl>
      <h3>The numbers</h3>
      <dl className="vl-about-list">
        <div>
          <dt>Panel ship</dt>
          <dd>
            The share of the panel that says “ship”. Ship at {SHIP_AT} % and above, mixed from{' '}
            {SKIP_BELOW} to {SHIP_AT - 1} %, skip below {SKIP_BELOW} %.
          </dd>
        </div>
        <div>
          <dt>Community</dt>
          <dd>The readers’ vote, in percent. “—” means nobody has voted yet.</dd>
        </div>
        <div>
          <dt>Entry</dt>
          <dd>What it costs to start, as the page says: for example Free or Paid.</dd>
        </div>
      </dl>
      <p className="vl-muted">
        Quotes are the reviewers’ own words, as the page prints them. Choose whose quotes you see
        under Reviewers in the options.
      </p>
    </section>
  );
}
