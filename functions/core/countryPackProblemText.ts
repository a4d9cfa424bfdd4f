// A pack problem as a person reads it in a terminal: `countries/mn/i18n/mn.json $["nav.home"]: missing translation`,
// or, for a file that is not JSON, `countries/mn/organizations.json:12:5: not valid JSON: …` with the line and a
// caret under the column (editors jump to file:line:column). Long lists are cut to their first lines and a count.
import type { PackProblem } from './countryPackCheck.js';

export function problemLines(code: string, problem: PackProblem): string[] {
  const file = `countries/${code}/${problem.file}`;
  if (!problem.at) return [`${file} ${problem.path}: ${problem.message}`];
  const { line, column, excerpt } = problem.at;
  const gutter = `${line} | `;
  return [`${file}:${line}:${column}: ${problem.message}`, `  ${gutter}${excerpt[0]}`, `  ${' '.repeat(gutter.length - 2)}| ${excerpt[1]}`];
}

/** The first `shown` problems, each as its lines, then how many more there are and where to see them all. */
export function shortProblemList(code: string, problems: PackProblem[], shown = 10): string[] {
  const lines = problems.slice(0, shown).flatMap((p) => problemLines(code, p).map((l) => `  ${l}`));
  if (problems.length > shown) lines.push(`  …and ${problems.length - shown} more: npm run country:check -- ${code} lists them all`);
  return lines;
}
