import { formatSpan, precisionOf } from '../../content/dates.js';

/** "on 27 September 2020", "in October 2020", "in 2020": the preposition follows the precision. */
export function onDate(date: string, endDate?: string): string {
  return `${precisionOf(date) === 'day' ? 'on' : 'in'} ${formatSpan(date, endDate)}`;
}
