// `country:check` over a pack's files as read: what the reader found (a file missing, not valid JSON), every schema
// issue of every file, then every check the parts that did parse allow, so one mistake hides no other. A check
// problem at or under a place already named (a failed field, a file that could not be read) is left out: the
// first message is the one to act on.
import { type PackSources, assembleCountryPack, isAtOrUnder } from './countryPackAssembly.js';
import { type PackProblem, checkCountryPack } from './countryPackCheck.js';
import { unfinishedTexts } from './countryPackTextCheck.js';
import type { CountryPack } from '#schemas/countryPack.js';

export interface CheckedSources {
  /** The pack, when every file was read and met its schema; null otherwise. */
  pack: CountryPack | null;
  problems: PackProblem[];
}

export function checkCountryPackSources(sources: PackSources, readProblems: PackProblem[]): CheckedSources {
  const assembled = assembleCountryPack(sources);
  const unreadable = new Set(readProblems.map((p) => p.file));
  // A country.json that is no object is as good as unreadable: what its stand-ins would show is not the author's.
  const country = sources.json['country.json'];
  if (country === null || (country !== undefined && (typeof country !== 'object' || Array.isArray(country))))
    unreadable.add('country.json');
  const named = [...readProblems, ...assembled.problems];
  const later = checkCountryPack(assembled.pack, { references: assembled.references });
  // A list file that failed its schema is not in the pack: its TODO markers are looked for in its raw JSON.
  for (const file of ['organizations.json', 'categories.json', 'routing.json'] as const) {
    if (sources.json[file] !== undefined && assembled.problems.some((p) => p.file === file))
      later.push(...unfinishedTexts(file, sources.json[file]));
  }
  const fresh = later.filter(
    (p) => !unreadable.has(p.file) && !assembled.problems.some((q) => q.file === p.file && isAtOrUnder(p.path, q.path)),
  );
  return { pack: assembled.complete ? assembled.pack : null, problems: [...named, ...fresh] };
}
