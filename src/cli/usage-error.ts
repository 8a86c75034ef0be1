import { UserError } from '../util/errors.js';

/**
 * The command line was asked for something it will not start: an unknown or malformed option,
 * a bad value, a ref git does not know, a missing prerequisite. Exit code 2, one clear message.
 */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
