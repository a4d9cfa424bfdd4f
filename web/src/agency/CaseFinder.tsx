// Opens a case by its number, as read out on the phone or copied from a letter: any case, spaces and dashes are
// forgiven by the tracking code's rules. A number that is not in the user's queue gets the case view's own answer,
// "There is no such case in your queue", exactly as the API gives it for a case of another organization.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { LIMITS } from '#contract/limits.js';
import { CASE_ID_LENGTH, normalizeCaseId } from '#contract/trackingCode.js';
import { Field } from '../shared/Field.js';
import { navigate } from '../shared/route.js';
import { useAgency } from './context.js';

const FIELD_ID = 'find-case';

export function CaseFinder(): JSX.Element {
  const { t } = useAgency();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(event: Event): void {
    event.preventDefault();
    const caseId = normalizeCaseId(typed);
    if (!caseId) {
      setError(t('agency.find.invalid', { length: CASE_ID_LENGTH }));
      document.getElementById(FIELD_ID)?.focus();
      return;
    }
    setError(undefined);
    navigate(`cases/${caseId}`);
  }

  return (
    <form class="case-finder" noValidate onSubmit={submit}>
      <Field id={FIELD_ID} label={t('agency.find.label')} hint={t('agency.find.hint', { length: CASE_ID_LENGTH })} error={error}>
        {(control) => (
          <input
            {...control}
            type="text"
            class="case-id"
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            maxLength={LIMITS.pathId}
            value={typed}
            onInput={(event) => setTyped((event.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <button type="submit">{t('agency.find.submit')}</button>
    </form>
  );
}
