/**
 * The nameplate's date, written out in the paper's language: English as
 * `Intl` (CLDR) writes it, without loading ICU; any other language by `Intl`.
 */
import { describe, expect, it } from 'vitest';
import { writtenDate } from '../../src/build/edition.js';

const intl = (date: string, language: string) =>
  new Intl.DateTimeFormat(language, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** Every 97th day from 1899 to 2101, and the first and last of each month of a leap year. */
function dates(): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(1899, 0, 1); t < Date.UTC(2101, 0, 1); t += 97 * 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  for (let month = 0; month < 12; month++) {
    out.push(new Date(Date.UTC(2028, month, 1)).toISOString().slice(0, 10), new Date(Date.UTC(2028, month + 1, 0)).toISOString().slice(0, 10));
  }
  return out;
}

describe('writtenDate', () => {
  it('writes the nameplate date as a reader of the paper expects it', () => {
    expect(writtenDate('2025-11-08', 'en-US')).toBe('Saturday, November 8, 2025');
    expect(writtenDate('2030-01-15', 'en')).toBe('Tuesday, January 15, 2030');
  });

  it('writes American English exactly as Intl does, on every one of 800 dates', () => {
    const all = dates();
    expect(all.length).toBeGreaterThan(780);
    for (const language of ['en-US', 'en']) {
      for (const date of all) expect(writtenDate(date, language), `${date} ${language}`).toBe(intl(date, language));
    }
  });

  it('leaves other languages to Intl', () => {
    expect(writtenDate('2025-11-08', 'en-GB')).toBe(intl('2025-11-08', 'en-GB'));
    expect(writtenDate('2025-11-08', 'de')).toBe('Samstag, 8. November 2025');
    expect(writtenDate('2025-11-08', 'fr-FR')).toBe(intl('2025-11-08', 'fr-FR'));
  });
});
