/**
 * The badge's and the notice's shadow roots are closed: a page script cannot reach inside to
 * read the verdict, which reviewers the user follows, or press the buttons. Only the e2e and bench
 * builds open them, so the tests can find the controls the way a user does and the bench can time
 * the popover from the page; a test against the shipped build checks they are closed there.
 */
export const SHADOW_MODE: 'open' | 'closed' =
  import.meta.env.MODE === 'e2e' || import.meta.env.MODE === 'bench' ? 'open' : 'closed';
