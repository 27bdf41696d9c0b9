import type { PlayerScore } from '../quiz/state.js';

export const TEAM_NAMES = ['Red', 'Blue', 'Green', 'Gold'];

export function teamName(team: number): string {
  return TEAM_NAMES[team] ?? `Team ${team + 1}`;
}

/**
 * The team a newly joining player goes to: the smallest, lowest-numbered on
 * a tie. Players join in the order their first answers were given, so the
 * split is deterministic and no two teams differ by more than one player.
 */
export function assignTeam(players: Readonly<Record<string, PlayerScore>>, teams: number): number {
  const sizes = Array.from({ length: teams }, () => 0);
  for (const p of Object.values(players))
    if (p.team !== undefined && p.team < teams) sizes[p.team] = (sizes[p.team] ?? 0) + 1;
  return sizes.indexOf(Math.min(...sizes));
}

export interface TeamStanding {
  team: number;
  name: string;
  points: number;
  members: string[];
}

/** Team score = the sum of its players' points; ties rank by team number. */
export function teamStandings(players: Readonly<Record<string, PlayerScore>>, teams: number): TeamStanding[] {
  const out: TeamStanding[] = Array.from({ length: teams }, (_, team) => ({
    team,
    name: teamName(team),
    points: 0,
    members: [],
  }));
  for (const p of Object.values(players)) {
    const standing = p.team === undefined ? undefined : out[p.team];
    if (!standing) continue;
    standing.points += p.points;
    standing.members.push(p.name);
  }
  for (const s of out) s.members.sort((a, b) => a.localeCompare(b));
  return out.sort((a, b) => b.points - a.points || a.team - b.team);
}

export function teamStandingsText(players: Readonly<Record<string, PlayerScore>>, teams: number): string {
  return teamStandings(players, teams)
    .map(
      (s, i) =>
        `${i + 1}. Team ${s.name}: ${s.points} points (${s.members.length ? s.members.join(', ') : 'nobody yet'})`,
    )
    .join('\n');
}
