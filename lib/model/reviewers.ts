import type { Reviewer, ReviewerId } from '../feed/schema';

/** The review site's panel, in the order its scorecard lists them. */
export const PERSONAS: readonly Reviewer[] = [
  {
    id: 'builder',
    name: 'Builder',
    focus: 'Developer experience, the core primitive, the moment of truth',
  },
  { id: 'skeptic', name: 'Skeptic', focus: 'Direct competitors, where it breaks, what kills it' },
  {
    id: 'futurist',
    name: 'Futurist',
    focus: 'The thesis, second-order effects, the trends it rides',
  },
  { id: 'product', name: 'Product', focus: 'The job to be done, onboarding, the missing part' },
  { id: 'creator', name: 'Creator', focus: 'Creative and indie use, who gets access' },
  { id: 'business', name: 'Business', focus: 'The buyer, the moat, unit economics' },
];

export const PERSONA_ORDER: readonly ReviewerId[] = PERSONAS.map((p) => p.id);
