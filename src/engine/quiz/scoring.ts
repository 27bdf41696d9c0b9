/** Points for a right answer: half for being right, half shrinking with the time taken. */
export const BASE_POINTS = 500;
export const SPEED_POINTS = 500;

export const SCORING_RULE =
  'A right answer scores 500 points plus up to 500 more for speed: 500 × (time left ÷ round time), rounded. A wrong or missing answer scores 0. Ties rank by number of right answers, then by name.';

export function pointsFor(correct: boolean, answeredAt: number, roundStartedAt: number, deadline: number): number {
  if (!correct) return 0;
  const total = Math.max(1, deadline - roundStartedAt);
  const left = Math.min(total, Math.max(0, deadline - answeredAt));
  return BASE_POINTS + Math.round((SPEED_POINTS * left) / total);
}

export interface Standing {
  userId: string;
  name: string;
  points: number;
  correct: number;
}

export function rank(players: Record<string, { name: string; points: number; correct: number }>): Standing[] {
  return Object.entries(players)
    .map(([userId, p]) => ({ userId, ...p }))
    .sort((a, b) => b.points - a.points || b.correct - a.correct || a.name.localeCompare(b.name));
}
