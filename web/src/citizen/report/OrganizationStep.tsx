// Search over every organization of the pack, then choose one from the matches (radio buttons: simple to use by
// keyboard and screen reader, unlike a custom combobox); or browse the whole list (a native select); or say "I'm not
// sure", and the oversight body, which triages, receives the report.
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { Choice, ChoiceGroup, Field } from '../../shared/Field.js';
import { usePortal } from '../context.js';
import { UNSURE_ORGANIZATION_ID } from '#contract/routing.js';
import { searchOrganizations } from './organizationSearch.js';
import type { StepProps } from './ReportWizard.js';
import { controlIdOf } from './steps.js';

const SHOWN = 25;

export function OrganizationStep({ draft, update, errors }: StepProps): JSX.Element {
  const { t, config, language } = usePortal();
  const chosen = config.organizations.find((o) => o.id === draft.organizationId);
  const [query, setQuery] = useState('');
  const { matches, total } = useMemo(() => searchOrganizations(config.organizations, query, SHOWN), [config.organizations, query]);
  const parentName = (id?: string) => (id ? config.organizations.find((o) => o.id === id)?.name : undefined);
  const options = chosen && !matches.some((m) => m.id === chosen.id) ? [chosen, ...matches] : matches;
  const alphabetical = useMemo(
    () => [...config.organizations].sort((a, b) => a.name.localeCompare(b.name, language)),
    [config.organizations, language],
  );
  const oversight = config.organizations.find((o) => o.id === config.routing.oversightOrganizationId)?.name ?? '';

  return (
    <>
      <Field id="organization-search" label={t('report.organizationSearch')}>
        {(control) => (
          <input
            {...control}
            type="search"
            autoComplete="off"
            value={query}
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <p class="hint" role="status" aria-live="polite">
        {query.trim() ? (total ? t('report.organizationResults', { count: total }) : t('report.organizationNone')) : ''}
      </p>
      <ChoiceGroup id={controlIdOf('organizationId')} legend={t('report.organization')} error={errors.organizationId}>
        {options.map((org) => (
          <Choice
            key={org.id}
            name="organizationId"
            id={`organization-${org.id}`}
            checked={draft.organizationId === org.id}
            onChange={() => update({ organizationId: org.id })}
            label={org.name}
            help={parentName(org.parentId)}
          />
        ))}
        <Choice
          name="organizationId"
          id="organization-unsure"
          checked={draft.organizationId === UNSURE_ORGANIZATION_ID}
          onChange={() => update({ organizationId: UNSURE_ORGANIZATION_ID })}
          label={t('report.organization.unsure')}
          help={t('report.organization.unsure.help', { organization: oversight })}
        />
      </ChoiceGroup>
      <Field id="organization-browse" label={t('report.organizationBrowse')}>
        {(control) => (
          <select
            {...control}
            value={chosen ? chosen.id : ''}
            onChange={(event) => {
              const id = (event.target as HTMLSelectElement).value;
              if (id) update({ organizationId: id });
            }}
          >
            <option value="">{t('report.organizationBrowse.none')}</option>
            {alphabetical.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
