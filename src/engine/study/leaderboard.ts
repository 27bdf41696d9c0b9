import type { Platform, Services } from '../../core/command.js';
import type { Reply } from '../../core/reply.js';
import { makeReply } from '../text.js';
import type { BoardEntry } from './history.js';
import { studyKeys } from './keys.js';
import { monthOf, monthsFrom, type Period, periodRange, previousRange } from './periods.js';

export interface BoardRow {
  userId: string;
  name: string;
  points: number;
  right: number;
  answered: number;
}

const SHOWN = 10;

/** The entries of a server's board between two instants: only the months they span are read. */
async function entriesBetween(
  services: Pick<Services, 'store'>,
  where: { platform: Platform; serverId: string },
  range: { from: number; to: number },
  now: number,
): Promise<BoardEntry[]> {
  const start = await services.store.get<string>(studyKeys.boardStart(where.platform, where.serverId));
  if (!start) return [];
  const first = range.from <= 0 ? start : monthOf(range.from);
  const last = monthOf(Math.min(range.to - 1, now));
  const months = monthsFrom(first.localeCompare(start) < 0 ? start : first, last);
  const lists = await Promise.all(
    months.map((m) => services.store.list<BoardEntry>(studyKeys.board(where.platform, where.serverId, m))),
  );
  return lists.flat().filter((e) => e.at >= range.from && e.at < range.to);
}

/** Players ranked by points, then right answers, then name. */
export function rankBoard(entries: readonly BoardEntry[]): BoardRow[] {
  const rows = new Map<string, BoardRow>();
  for (const e of entries) {
    const row = rows.get(e.u) ?? { userId: e.u, name: e.n, points: 0, right: 0, answered: 0 };
    row.name = e.n;
    row.points += e.p;
    row.right += e.c;
    row.answered++;
    rows.set(e.u, row);
  }
  return [...rows.values()].sort((a, b) => b.points - a.points || b.right - a.right || a.name.localeCompare(b.name));
}

export async function leaderboard(
  services: Pick<Services, 'store'>,
  where: { platform: Platform; serverId: string },
  period: Period,
  now: number,
  timeZone = 'UTC',
): Promise<{ rows: BoardRow[]; previous?: BoardRow[] }> {
  const rows = rankBoard(await entriesBetween(services, where, periodRange(period, now, timeZone), now));
  const before = previousRange(period, now, timeZone);
  const previous = before ? rankBoard(await entriesBetween(services, where, before, now)) : undefined;
  return { rows, previous };
}

const TITLES: Record<Period, string> = { week: 'this week', month: 'this month', all: 'all time' };

function dayLabel(ms: number, timeZone: string): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
}

export function leaderboardReply(
  period: Period,
  now: number,
  board: { rows: BoardRow[]; previous?: BoardRow[] },
  callerId: string,
  timeZone = 'UTC',
): Reply {
  const line = (r: BoardRow, i: number) =>
    `${i + 1}. ${r.name}: ${r.points} points (${r.right} of ${r.answered} right)`;
  const shown = board.rows.slice(0, SHOWN).map(line);
  const mine = board.rows.findIndex((r) => r.userId === callerId);
  if (mine >= SHOWN) shown.push('…', line(board.rows[mine] as BoardRow, mine));
  const range = periodRange(period, now, timeZone);
  const since = period === 'all' ? '' : `Since ${dayLabel(range.from, timeZone)} (${timeZone})`;
  const winner = board.previous?.[0];
  const last = winner
    ? `Last ${period}: ${winner.name} led with ${winner.points} points`
    : board.previous
      ? `Nobody played last ${period}`
      : '';
  return makeReply({
    title: `Leaderboard, ${TITLES[period]}`,
    body: shown.length ? shown.join('\n') : `No quiz answers here ${TITLES[period]} yet. /quiz start begins one.`,
    footer: [since, last, 'quiz points only; /review is practice'].filter(Boolean).join(' · '),
  });
}
