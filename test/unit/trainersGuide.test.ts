// docs/trainers.md as a trainer on Windows reads it: every command block works as written in PowerShell and cmd
// (no Unix shell forms), and every file and text it names is one the template has.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const guide = readFileSync('docs/trainers.md', 'utf8');
const blocks = [...guide.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ language: m[1]!, body: m[2]! }));
const commands = blocks
  .filter((b) => b.language !== 'json')
  .flatMap((b) => b.body.split('\n').filter((l) => /^\s*(npm|npx|node)\b/.test(l)));

// Forms a Unix shell understands and PowerShell or cmd do not.
const UNIX_ONLY: [string, RegExp][] = [
  ['VAR=value before a command', /(^|\s)[A-Z_][A-Z0-9_]*=\S*\s+\S/],
  ['a trailing backslash continuation', /\\\s*$/],
  ['$( … ) substitution', /\$\(/],
  ['export', /(^|[;&|]\s*)export\s/],
  ['cat', /(^|[;&|]\s*)cat\s/],
  ['cp', /(^|[;&|]\s*)cp\s/],
  ['rm', /(^|[;&|]\s*)rm\s/],
  ['ls', /(^|[;&|]\s*)ls(\s|$)/],
  ['&& (cmd and older PowerShell differ)', /&&/],
  ['a --flag after npm run … -- (PowerShell drops the --)', /^npm (run \S+|start) -- .*\s--\w/],
];

describe('docs/trainers.md', () => {
  it('has commands to check', () => {
    expect(commands.length).toBeGreaterThanOrEqual(6);
  });

  it.each(UNIX_ONLY)('has no command with %s', (_, form) => {
    expect(commands.filter((line) => form.test(line))).toEqual([]);
  });

  it('runs only npm scripts the project has', () => {
    const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts);
    for (const line of commands) {
      const script = /^npm (?:run )?(\S+)/.exec(line)![1]!;
      expect(scripts, line).toContain(script === 'start' ? 'start' : script);
    }
  });

  it('names files the template has, and texts the app uses', () => {
    for (const file of ['country.json', 'organizations.json', 'categories.json', 'routing.json', 'i18n/en.json', 'pages/en'])
      expect(guide, file).toContain(file.replace('i18n/en.json', 'i18n/').replace('pages/en', 'pages/'));
    for (const [, file] of guide.matchAll(/`((?:country|organizations|categories|routing)\.json)`/g))
      expect(existsSync(join('countries/_template', file!)), file).toBe(true);
    for (const [, page] of guide.matchAll(/pages\/\w+\/([\w-]+)\.md/g))
      expect(existsSync(join('countries/_template/pages/en', `${page}.md`)), page).toBe(true);
    const template = JSON.parse(readFileSync('countries/_template/i18n/en.json', 'utf8')) as Record<string, string>;
    for (const [, key] of guide.matchAll(/\$\["([\w.]+)"\]/g)) expect(Object.keys(template), key).toContain(key);
    const country = JSON.parse(readFileSync('countries/_template/country.json', 'utf8')) as Record<string, unknown>;
    for (const field of [
      'languageNames',
      'clock',
      'timezone',
      'currency',
      'oversightOrganizationId',
      'deadlines',
      'retention',
      'legalReferences',
    ])
      expect(Object.keys(country), field).toContain(field);
  });
});
