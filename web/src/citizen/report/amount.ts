// Amounts as people write them: "5,000,000", "5 000 000", "₩5,000,000", "5,000,000원", "1 500,50". Group
// separators (commas, dots, spaces, apostrophes), full-width digits and the currency's own symbol, code or name in
// the reader's language are read; anything else ("5 million") is not guessed at. The API takes a plain number.

/** Currencies offered besides the pack's own (which comes first): the region's and the most traded. */
const OFFERED_CURRENCIES = ['KRW', 'MNT', 'UZS', 'EUR', 'USD', 'CNY', 'JPY', 'RUB', 'KZT', 'GBP', 'CHF', 'TRY', 'RSD', 'ALL'];

export function currencyChoices(packCurrency: string): string[] {
  return [...new Set([packCurrency, ...OFFERED_CURRENCIES])];
}

/** "South Korean Won (KRW)" in the reader's language; the bare code where the browser has no name for it. */
export function currencyLabel(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'currency' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** How people write these currencies in everyday text, where it differs from the formal names browsers know. */
const EVERYDAY_WORDS: Readonly<Record<string, string[]>> = {
  KRW: ['원', 'won'],
  MNT: ['₮', 'төгрөг', 'төг', 'tugrik', 'tögrög'],
  UZS: ['сўм', 'сум', 'сумов', "so'm", 'so‘m', 'soʻm', 'som'],
  EUR: ['€', 'euro', 'euros', 'евро'],
  USD: ['$', 'dollars', 'dollar', 'доллар'],
};

/** How the currency is written in these languages and in English: symbol, code, name and its last word. */
function currencyWords(currency: string, languages: string[]): string[] {
  const words = new Set<string>([currency, ...(EVERYDAY_WORDS[currency] ?? [])]);
  for (const locale of [...languages, 'en']) {
    for (const currencyDisplay of ['symbol', 'narrowSymbol', 'name'] as const) {
      for (const value of [1, 2, 5]) {
        try {
          const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(value);
          for (const part of parts.filter((p) => p.type === 'currency')) {
            words.add(part.value);
            // "대한민국 원" is written "원", "узбекских сумов" "сумов", "South Korean won" "won".
            words.add(part.value.split(/\s+/).pop()!);
          }
        } catch {
          // An unknown currency or language: the code alone is read.
        }
      }
    }
  }
  return [...words].filter(Boolean).sort((a, b) => b.length - a.length);
}

/**
 * The number the reader wrote, or null when it cannot be read as an amount. `languages` are the reader's first, then
 * the pack's others: a Korean reader of the English pages still writes "원".
 */
export function parseAmount(written: string, currency: string, languages: string[]): number | null {
  let text = written.normalize('NFKC').trim();
  const lower = (s: string) => s.toLowerCase();
  for (const word of currencyWords(currency, languages)) {
    if (lower(text).startsWith(lower(word))) text = text.slice(word.length).trim();
    if (lower(text).endsWith(lower(word))) text = text.slice(0, text.length - word.length).trim();
  }
  // Spaces of every width and apostrophes only ever group digits.
  text = text.replace(/[\s'’]/gu, '');
  if (!/^[0-9]+([.,][0-9]+)*$/.test(text)) return null;
  const separators = text.match(/[.,]/g) ?? [];
  let decimal: string | null = null;
  if (new Set(separators).size === 2) decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
  else if (separators.length === 1) {
    // One separator before exactly three digits groups them ("5,000"); before one, two or four it marks cents.
    decimal = /[.,][0-9]{3}$/.test(text) ? null : separators[0]!;
  }
  if (decimal !== null && separators.filter((s) => s === decimal).length > 1) return null;
  const groups = decimal === null ? text : text.slice(0, text.lastIndexOf(decimal));
  const fraction = decimal === null ? '' : text.slice(text.lastIndexOf(decimal) + 1);
  // Grouped digits come in threes after the first group ("5,000,000"; Indian "50,00,000" is read too, in twos).
  if (/[.,]/.test(groups) && !/^[0-9]{1,3}([.,][0-9]{2,3})*$/.test(groups)) return null;
  const value = Number(`${groups.replace(/[.,]/g, '')}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? value : null;
}

/** "₩5,000,000", "5 000 000,00 so'm": the amount as the reader's language writes it in that currency. */
export function formatAmount(value: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}
