/**
 * Thrown when a packed index (lookup or search) is to be updated with entries it should hold
 * and does not, or should not hold and does: it does not match the rows. Whoever updates it
 * builds it again from the rows instead (apply-changes.ts).
 */
export class IndexMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexMismatch';
  }
}
