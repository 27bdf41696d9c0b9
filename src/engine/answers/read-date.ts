import { daysInMonth, formatDate, MONTH_NAMES } from '../../content/dates.js';

/** A typed date read as a pack date (its form is its precision), with a note when the reading was a choice. */
export type ReadDate = { date: string; note?: string } | { refused: string };

const MONTH_BY_WORD = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  const word = name.toLowerCase();
  MONTH_BY_WORD.set(word, i + 1);
  MONTH_BY_WORD.set(word.slice(0, 3), i + 1);
});
MONTH_BY_WORD.set('sept', 9);

const MONTH = `(${[...MONTH_BY_WORD.keys()].join('|')})`;
/** A day and month with no year: "27 September", "Sep 27". */
const DAY_AND_MONTH = new RegExp(`^(\\d{1,2} ${MONTH}|${MONTH} \\d{1,2})$`);
const FORMS: { pattern: RegExp; parts: (m: RegExpExecArray) => [string, string?, string?] }[] = [
  // 2020, 2020-09, 2020-09-27 (also with / or .)
  { pattern: /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/, parts: (m) => [m[1] as string, m[2], m[3]] },
  // 09/2020
  { pattern: /^(\d{1,2})[-/.](\d{4})$/, parts: (m) => [m[2] as string, m[1]] },
  // 27 september 2020, 27 sep 2020
  { pattern: new RegExp(`^(\\d{1,2}) ${MONTH} (\\d{4})$`), parts: (m) => [m[3] as string, m[2], m[1]] },
  // september 27 2020, sept 27 2020
  { pattern: new RegExp(`^${MONTH} (\\d{1,2}) (\\d{4})$`), parts: (m) => [m[3] as string, m[1], m[2]] },
  // september 2020
  { pattern: new RegExp(`^${MONTH} (\\d{4})$`), parts: (m) => [m[2] as string, m[1]] },
];

/** Lowercase, commas and "of" gone, "27th" as 27, "Sept." as sept: one spelling per form. */
function tidy(text: string): string {
  return text
    .toLowerCase()
    .replace(/([a-z])\./g, '$1')
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1')
    .replace(/,/g, ' ')
    .replace(/\bof\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?]+$/, '');
}

function monthNumber(token: string): number {
  return MONTH_BY_WORD.get(token) ?? Number(token);
}

function checked(year: string, month?: number, day?: number): ReadDate {
  if (month === undefined) return { date: year };
  if (!(month >= 1 && month <= 12)) return { refused: `${month} is not a month` };
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return { date: `${year}-${mm}` };
  const last = daysInMonth(Number(year), month);
  if (!(day >= 1 && day <= last))
    return { refused: `${MONTH_NAMES[month - 1]} ${year} has ${last} days, so ${day} is not one of them` };
  return { date: `${year}-${mm}-${String(day).padStart(2, '0')}` };
}

/**
 * 27/09/2020, 27.09.2020 and 27-09-2020 are day-first, as most of the world
 * writes them; 09/27/2020 can only be month-first. When both readings are
 * dates (05/06/2020), day-first is taken and the note says so.
 */
function numeric(a: number, b: number, year: string, typed: string): ReadDate {
  if (a > 12 || b > 12 || a === b) {
    const monthFirst = a <= 12 && b > 12;
    const read = monthFirst ? checked(year, a, b) : checked(year, b, a);
    if ('date' in read && monthFirst)
      read.note = `read "${typed}" month-first, as ${formatDate(read.date)}, since there is no month ${b}`;
    return read;
  }
  const read = checked(year, b, a);
  if ('date' in read) read.note = `read "${typed}" day-first, as ${formatDate(read.date)}`;
  return read;
}

/**
 * A date as people type it: "27 September 2020", "27 Sep 2020", "Sept 27
 * 2020", "September 27, 2020", "2020-09-27", "27/09/2020", "27.09.2020",
 * "September 2020", "2020". A year must be written in full: "27/09/20"
 * could be 1920 as well as 2020.
 */
export function readDate(typed: string): ReadDate {
  const shown = typed.trim();
  const text = tidy(shown);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (dmy) {
    const [, a, b, year] = dmy as unknown as [string, string, string, string];
    if (year.length === 2) return { refused: `write the year in full, like ${a}/${b}/20${year}` };
    return numeric(Number(a), Number(b), year, shown);
  }
  for (const { pattern, parts } of FORMS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [year, month, day] = parts(m);
    return checked(
      year,
      month === undefined ? undefined : monthNumber(month),
      day === undefined ? undefined : Number(day),
    );
  }
  if (DAY_AND_MONTH.test(text)) return { refused: 'give the year too, like 1 March 1999' };
  return { refused: 'not a date; write it like 1 March 1999 or 1999-03-01' };
}
