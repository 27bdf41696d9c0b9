import { distance } from 'fastest-levenshtein';
import { UserError } from '../errors.js';

const EXAMPLE = 'use an IANA name such as Europe/Paris, Asia/Baku, Asia/Yerevan, America/New_York or UTC';

let known: string[] | undefined;

/** Every IANA zone this runtime knows, plus UTC (which Intl lists under no region). */
export function timeZoneNames(): readonly string[] {
  known ??= ['UTC', ...Intl.supportedValuesOf('timeZone')];
  return known;
}

/** The runtime's own spelling of a zone it accepts ("europe/paris" → "Europe/Paris"), or undefined. */
function canonical(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '_');
const city = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1);

/** The closest IANA name to a mistyped one: a full-name near miss, or a bare city ("Baku" → "Asia/Baku"). */
export function nearestTimeZone(raw: string): string | undefined {
  const wanted = fold(raw.trim());
  if (!wanted) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const zone of timeZoneNames()) {
    const whole = distance(wanted, fold(zone));
    const byCity = wanted.includes('/') ? Number.POSITIVE_INFINITY : distance(wanted, fold(city(zone)));
    const d = Math.min(whole, byCity);
    if (d < bestDistance) {
      best = zone;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}

/**
 * An IANA timezone name, returned in its canonical spelling. A typo gets the
 * nearest name: `Europe/Pari` → "did you mean Europe/Paris?".
 */
export function parseTimeZone(raw: string): string {
  const text = raw.trim();
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (/^(utc|gmt|z|etc\/utc)$/i.test(text)) return 'UTC';
  if (text.includes('/') || /^[a-z]+$/i.test(text)) {
    const exact = timeZoneNames().find((zone) => zone.toLowerCase() === text.toLowerCase());
    if (exact) return exact;
    // Old aliases the runtime still accepts (Asia/Calcutta, US/Eastern) resolve to today's names.
    const resolved = text.includes('/') ? canonical(text) : undefined;
    if (resolved) return resolved === 'Etc/UTC' ? 'UTC' : resolved;
  }
  if (/^(utc|gmt)?\s*[+-]\d/i.test(text)) {
    throw new UserError(
      `"${shown}" is an offset, not a timezone: offsets change with daylight saving time. ${EXAMPLE[0]?.toUpperCase()}${EXAMPLE.slice(1)}.`,
    );
  }
  const hint = nearestTimeZone(text);
  throw new UserError(
    hint ? `"${shown}" is not a timezone. Did you mean ${hint}?` : `"${shown}" is not a timezone; ${EXAMPLE}.`,
  );
}
