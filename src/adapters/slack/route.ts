import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  BlockAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { INPUT_CALLBACK_ID } from './modal.js';
import { CHOICE_ACTION_PREFIX } from './render.js';

type With<T> = T & AllMiddlewareArgs;

/** Every slash command Slack sends us, so one handler serves the whole registry. */
const ANY_COMMAND = /^\/./;

export interface Routes {
  /** Every slash command (Chronicle serves them all through one handler). */
  command: (args: With<SlackCommandMiddlewareArgs>) => Promise<void>;
  /** A block action whose action_id is one of Chronicle's choices. */
  choice: (args: With<SlackActionMiddlewareArgs<BlockAction>>) => Promise<void>;
  /** The answer box's view_submission. */
  submission: (args: With<SlackViewMiddlewareArgs<ViewSubmitAction>>) => Promise<void>;
}

/**
 * One global middleware routes the three kinds of request Chronicle takes,
 * matching them as app.command(/^\/.+/), app.action(/^choice prefix/) and
 * app.view({ callback_id, type: 'view_submission' }) would. Why not those
 * three listeners: Bolt runs every listener's chain for every request
 * (copying its arguments into each middleware call, then settling them all),
 * so the two that never match a slash command cost it about 15 µs of CPU in
 * some 200 (bench/README.md, Slack). Anything else goes on down the chain.
 */
export function routeRequests(routes: Routes): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if ('command' in args && args.command !== undefined && ANY_COMMAND.test(args.command.command)) {
      return routes.command(args as With<SlackCommandMiddlewareArgs>);
    }
    if ('action' in args && args.action !== undefined) {
      const action = args.action as { action_id?: unknown };
      if (typeof action.action_id === 'string' && action.action_id.startsWith(CHOICE_ACTION_PREFIX)) {
        return routes.choice(args as With<SlackActionMiddlewareArgs<BlockAction>>);
      }
    }
    if ('view' in args && args.view !== undefined) {
      if (args.body.type === 'view_submission' && args.view.callback_id === INPUT_CALLBACK_ID) {
        return routes.submission(args as With<SlackViewMiddlewareArgs<ViewSubmitAction>>);
      }
    }
    return args.next();
  };
}
