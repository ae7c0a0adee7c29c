/**
 * Lengths of time in seconds, as cookie lifetimes are declared, and one way
 * of saying them in words.
 */
export const MINUTE = 60;
const HOUR = 3_600;
export const DAY = 86_400;
/** A mean month: 30.4375 days (a year of 365.25 days over 12). */
export const MONTH = 2_629_800;
/** A mean year: 365.25 days. */
export const YEAR = 31_557_600;

const UNITS: readonly [seconds: number, name: string][] = [
  [YEAR, 'year'],
  [MONTH, 'month'],
  [DAY, 'day'],
  [HOUR, 'hour'],
  [MINUTE, 'minute'],
  [1, 'second'],
];

/**
 * A positive number of seconds in words, in the largest unit that fits.
 * `exact`: only a unit that divides it (180 days stays "180 days", for a
 * declaration); `round`: the nearest whole unit once within 5% of it
 * (15778800 is "6 months", for a visitor). `lang`, a BCP 47 tag: the words
 * as Intl says them in that language ("6 Monate"); English without it, or
 * where the environment knows no such locale.
 */
export function durationInWords(seconds: number, how: 'exact' | 'round', lang?: string): string {
  for (const [size, name] of UNITS) {
    const n = seconds / size;
    const whole = Math.round(n);
    const fits = how === 'exact' ? whole >= 1 && Math.abs(n - whole) < 1e-9 : size > 1 && seconds >= size * 0.95;
    if (fits) return inWords(whole, name, lang) ?? `${whole} ${name}${whole === 1 ? '' : 's'}`;
  }
  return inWords(seconds, 'second', lang) ?? `${seconds} seconds`;
}

/** A number of a unit in the words of a language other than English, or null. */
function inWords(n: number, unit: string, lang: string | undefined): string | null {
  if (!lang || /^en\b/i.test(lang)) return null;
  try {
    return Intl.NumberFormat.supportedLocalesOf(lang).length
      ? new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(n)
      : null;
  } catch {
    return null;
  }
}
