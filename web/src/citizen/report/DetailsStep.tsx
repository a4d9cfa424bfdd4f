import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';

import { Field } from '../../shared/Field.js';
import { usePortal } from '../context.js';
import type { StepProps } from './ReportWizard.js';
import { controlIdOf } from './steps.js';

const today = () => new Date().toISOString().slice(0, 10);

export function DetailsStep({ draft, update, errors }: StepProps): JSX.Element {
  const { t } = usePortal();
  const optional = t('common.optional');
  const text = (key: 'title' | 'description' | 'location' | 'occurredOn' | 'amountValue') => (event: Event) =>
    update({ [key]: (event.target as HTMLInputElement).value });
  return (
    <>
      <Field id={controlIdOf('title')} label={t('report.title')} error={errors.title} hint={`${draft.title.length} / ${LIMITS.title}`}>
        {(control) => <input {...control} type="text" maxLength={LIMITS.title} value={draft.title} onInput={text('title')} />}
      </Field>
      <Field
        id={controlIdOf('description')}
        label={t('report.description')}
        error={errors.description}
        hint={`${draft.description.length} / ${LIMITS.description}`}
      >
        {(control) => (
          <textarea {...control} rows={10} maxLength={LIMITS.description} value={draft.description} onInput={text('description')} />
        )}
      </Field>
      <Field id={controlIdOf('occurredOn')} label={t('report.occurredOn')} optionalLabel={optional} error={errors.occurredOn}>
        {(control) => <input {...control} type="date" max={today()} value={draft.occurredOn} onInput={text('occurredOn')} />}
      </Field>
      <Field id={controlIdOf('location')} label={t('report.location')} optionalLabel={optional} error={errors.location}>
        {(control) => <input {...control} type="text" maxLength={LIMITS.location} value={draft.location} onInput={text('location')} />}
      </Field>
      <div class="amount">
        <Field
          id={controlIdOf('amount')}
          label={t('report.amount')}
          optionalLabel={optional}
          error={errors.amount ?? errors['amount.value']}
        >
          {(control) => <input {...control} type="text" inputMode="decimal" value={draft.amountValue} onInput={text('amountValue')} />}
        </Field>
        <Field id={controlIdOf('amount.currency')} label={t('report.currency')} error={errors['amount.currency']}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={LIMITS.currencyCode}
              autoCapitalize="characters"
              value={draft.currency}
              onInput={(event) => update({ currency: (event.target as HTMLInputElement).value.toUpperCase() })}
            />
          )}
        </Field>
      </div>
    </>
  );
}
