// Search over every organization of the pack, then choose one from the matches (radio buttons: simple to use by
// keyboard and screen reader, unlike a custom combobox).
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { Choice, ChoiceGroup, Field } from '../../shared/Field.js';
import { usePortal } from '../context.js';
import { searchOrganizations } from './organizationSearch.js';
import type { StepProps } from './ReportWizard.js';
import { controlIdOf } from './steps.js';

const SHOWN = 25;

export function OrganizationStep({ draft, update, errors }: StepProps): JSX.Element {
  const { t, config } = usePortal();
  const chosen = config.organizations.find((o) => o.id === draft.organizationId);
  const [query, setQuery] = useState('');
  const { matches, total } = useMemo(() => searchOrganizations(config.organizations, query, SHOWN), [config.organizations, query]);
  const parentName = (id?: string) => (id ? config.organizations.find((o) => o.id === id)?.name : undefined);
  const options = chosen && !matches.some((m) => m.id === chosen.id) ? [chosen, ...matches] : matches;

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
        {options.length === 0 ? <p class="hint">{t('report.organizationSearch')}</p> : null}
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
      </ChoiceGroup>
    </>
  );
}
