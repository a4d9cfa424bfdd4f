// Finding one organization among a thousand by any part of its name, in any of the pack's languages, ignoring
// case, accents and spacing ("moef", "기획재정부" and "economy finance" all find the Ministry of Economy and Finance).

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
    if (!words.every((w) => haystack.includes(w))) continue;
    // Names that start with what was typed come first, then shorter names (the likelier intended one).
    const starts = names.some((n) => n.startsWith(words[0]!)) ? 0 : 1;
    scored.push({ org, score: starts * 10_000 + org.name.length });
  }
  scored.sort((a, b) => a.score - b.score || a.org.name.localeCompare(b.org.name));
  return { matches: scored.slice(0, limit).map((s) => s.org), total: scored.length };
}
