// Finding an organization by name among up to a thousand, for the console's forms that choose one (a transfer's
// destination, the organization an assisted report is about): a search field, a spoken count of the matches, and a
// short list of them that always keeps the one already chosen.
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { ConfigResponse } from '#schemas/config.js';
import { searchOrganizations } from '../citizen/report/organizationSearch.js';
import { Field } from '../shared/Field.js';
import { useAgency } from './context.js';

type Organization = ConfigResponse['organizations'][number];

/** The console lists a short list; more matches ask for more of the name. */
const SHOWN = 8;

export interface OrganizationSearch {
  query: string;
  setQuery: (query: string) => void;
  /** The matches to offer, the chosen organization first when the query no longer matches it. */
  options: Organization[];
  /** What the search found, said to screen readers as it changes; empty before anything is typed. */
  found: string;
}

export function useOrganizationSearch(candidates: Organization[], chosenId: string): OrganizationSearch {
  const { t } = useAgency();
  const [query, setQuery] = useState('');
  const { matches, total } = useMemo(() => searchOrganizations(candidates, query, SHOWN), [candidates, query]);
  const chosen = candidates.find((o) => o.id === chosenId);
  const options = chosen && !matches.some((m) => m.id === chosen.id) ? [chosen, ...matches] : matches;
  const found = !query.trim()
    ? ''
    : total === 0
      ? t('agency.transfer.none')
      : total > SHOWN
        ? t('agency.transfer.matchesMore', { count: total, shown: SHOWN })
        : t('agency.transfer.matches', { count: total });
  return { query, setQuery, options, found };
}

/** The search field and its live count; the choices follow it in the form. */
export function OrganizationSearchField({ id, search }: { id: string; search: OrganizationSearch }): JSX.Element {
  const { t } = useAgency();
  return (
    <>
      <Field id={id} label={t('agency.transfer.search')}>
        {(control) => (
          <input
            {...control}
            type="search"
            autoComplete="off"
            value={search.query}
            onInput={(event) => search.setQuery((event.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <p class="hint" role="status" aria-live="polite">
        {search.found}
      </p>
    </>
  );
}
