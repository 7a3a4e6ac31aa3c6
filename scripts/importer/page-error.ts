/** A page that is not, or no longer, a whole comparison page; the message names what is missing. */
export class PageError extends Error {
  override name = 'PageError';

  constructor(
    message: string,
    /** The page file, once a caller knows it; the message then starts with it. */
    readonly file?: string,
  ) {
    super(file === undefined ? message : `${file}: ${message}`);
  }
}
