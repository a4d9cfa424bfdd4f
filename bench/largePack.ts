// A pack the size of Korea's whole Clean Portal: the kr pack's organizations plus generated ones up to 1,042,
// the number of public organizations the ACRC's portal routes for. Used to prove the portal, the checker and
// the web app's organization search cope with that many, and to measure /config at that size.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LARGE_PACK_ORGANIZATIONS = 1042;

interface Organization {
  id: string;
  name: Record<string, string>;
  type: string;
  parentId?: string;
  region?: string;
}

const KINDS = [
  { type: 'public-institution', ko: '공공기관', en: 'Public Institution' },
  { type: 'local-government', ko: '구청', en: 'District Office' },
  { type: 'agency', ko: '청', en: 'Agency' },
  { type: 'school', ko: '교육지원청', en: 'Education Support Office' },
];

/** Writes the pack as `<packsDir>/<code>/` and returns its directory. */
export function writeLargePack(packsDir: string, code = 'zz', count = LARGE_PACK_ORGANIZATIONS): string {
  const target = join(packsDir, code);
  cpSync(resolve('countries', 'kr'), target, { recursive: true });
  const organizations = JSON.parse(readFileSync(join(target, 'organizations.json'), 'utf8')) as Organization[];
  const ministries = organizations.filter((o) => o.type === 'ministry');
  for (let n = 1; organizations.length < count; n++) {
    const kind = KINDS[n % KINDS.length]!;
    const parent = ministries[n % ministries.length]!;
    const number = String(n).padStart(4, '0');
    organizations.push({
      id: `${code}-${kind.type}-${number}`,
      name: { ko: `${parent.name.ko} 소속 ${kind.ko} ${number}`, en: `${kind.en} ${number} under the ${parent.name.en}` },
      type: kind.type,
      parentId: parent.id,
    });
  }
  writeFileSync(join(target, 'organizations.json'), JSON.stringify(organizations, null, 1));
  const country = JSON.parse(readFileSync(join(target, 'country.json'), 'utf8'));
  writeFileSync(join(target, 'country.json'), JSON.stringify({ ...country, code }, null, 2));
  return target;
}
