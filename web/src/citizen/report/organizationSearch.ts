// Finding one organization among a thousand by any part of its name, in any of the pack's languages, ignoring
// case, accents and spacing ("moef", "기획재정부" and "economy finance" all find the Ministry of Economy and Finance),
// and forgiving typos: a word of four letters or more may be one letter off, of eight or more two ("finanse",
// "ministy"), and only against a word of the name that is itself long enough to be misspelt, so "land" never
// finds "and". Exact matches come before forgiven ones.

export interface SearchableOrganization {
  id: string;
  name: string;
  otherNames?: string[];
}

export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Typos forgiven in a word of this length. */
const typosAllowed = (length: number) => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/** Edit distance with transpositions (optimal string alignment), or max + 1 once it is sure to exceed max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether a typed word is, typos forgiven, a word of the name or the start of one. */
function nearlyIn(word: string, tokens: string[]): boolean {
  const max = typosAllowed([...word].length);
  if (max === 0) return false;
  return tokens.some(
    (token) =>
      typosAllowed([...token].length) > 0 &&
      [0, -1, 1, -2, 2].some((d) => Math.abs(d) <= max && editDistance(word, token.slice(0, word.length + d), max) <= max),
  );
}

export function searchOrganizations<T extends SearchableOrganization>(
  organizations: T[],
  query: string,
  limit: number,
): { matches: T[]; total: number } {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (!words.length) return { matches: [], total: 0 };
  const scored: { org: T; score: number }[] = [];
  for (const org of organizations) {
    const names = [org.name, ...(org.otherNames ?? [])].map(foldForSearch);
    const haystack = `${names.join(' | ')} ${org.id}`;
    const tokens = haystack.split(/[ |]+/).filter(Boolean);
    const exact = words.filter((w) => haystack.includes(w)).length;
    if (exact < words.length && !words.every((w) => haystack.includes(w) || nearlyIn(w, tokens))) continue;
    const forgiven = words.length - exact;
    // Exact matches first; then names that start with what was typed, then shorter names (the likelier intended one).
    const starts = names.some((n) => n.startsWith(words[0]!)) ? 0 : 1;
    scored.push({ org, score: forgiven * 100_000 + starts * 10_000 + org.name.length });
  }
  scored.sort((a, b) => a.score - b.score || a.org.name.localeCompare(b.org.name));
  return { matches: scored.slice(0, limit).map((s) => s.org), total: scored.length };
}
