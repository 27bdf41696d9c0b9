import { displaySafe } from './display-safe.js';

/**
 * A problem the user can fix: a bad option, an unknown name. Adapters show it
 * privately and log nothing alarming. Anything else is a bug: logged with
 * context, and the user gets a short apology.
 */
export class UserError extends Error {
  constructor(message: string) {
    // Messages often quote what the user typed; what goes back is cleaned of invisible formatting and capped.
    super(displaySafe(message));
    this.name = 'UserError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
