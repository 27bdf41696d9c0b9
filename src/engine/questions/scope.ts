import { firstDay, lastDay } from '../../content/dates.js';
import type { Pack } from '../../content/pack.js';
import type { Event } from '../../content/schema.js';
import type { Period } from '../../core/parse/period.js';
import type { Topic } from '../../core/parse/topic.js';
import { eventMatchesTopic } from '../topics.js';

/** What a quiz is about: a period and/or a topic; both optional. */
export interface Scope {
  period?: Period;
  topic?: Topic;
}

export function dateInScope(date: string | undefined, scope: Scope): boolean {
  if (!scope.period) return true;
  if (!date) return false;
  return firstDay(date) <= lastDay(scope.period.to) && lastDay(date) >= firstDay(scope.period.from);
}

export function eventInScope(pack: Pack, event: Event, scope: Scope): boolean {
  return dateInScope(event.date, scope) && eventMatchesTopic(pack, event, scope.topic);
}

/** A claim or quote is in scope by its date, and by its event or the things it concerns. */
export function statementInScope(
  pack: Pack,
  statement: { event?: string; about?: string[]; statedBy?: string; speaker?: string },
  date: string,
  scope: Scope,
): boolean {
  if (!dateInScope(date, scope)) return false;
  const topic = scope.topic;
  if (!topic) return true;
  const event = statement.event ? pack.events.get(statement.event) : undefined;
  if (event && eventMatchesTopic(pack, event, topic)) return true;
  if (topic.kind !== 'entity') return false;
  const refs = [...(statement.about ?? []), statement.statedBy, statement.speaker];
  return refs.includes(topic.entity.item.id);
}
