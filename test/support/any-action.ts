import { type Action, defineAction } from '../../src/core/action.js';

/**
 * An action that reads any `<name>:...` string back whole, for test commands
 * whose buttons are written by hand: the handler sees the action clicked.
 */
export function anyAction(name: string): Action<string> {
  return defineAction<string>({
    name,
    encode: (action) => [action.slice(name.length + 1)],
    parse: (parts) => `${name}:${parts.join(':')}`,
  });
}
