import { ValidationError } from '../model/errors.js';

/**
 * An input whose own checks fail: a zip entry whose CRC-32 or size is not what its directory says,
 * compressed data that does not inflate, a .gz whose trailer does not match. Nothing of such a file
 * is kept: it is an error, not a partial success.
 */
export class DamagedInputError extends ValidationError {
  constructor(file: string, what: string, options?: { cause?: unknown }) {
    super([{ location: { file }, message: `the file is damaged: ${what}; nothing of it was kept` }], options);
  }
}
