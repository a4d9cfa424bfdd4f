import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';

import { Choice, Field } from '../../shared/Field.js';
import { usePortal } from '../context.js';
import type { StepProps } from './ReportWizard.js';
import { currencyChoices, currencyLabel } from './amount.js';
import { controlIdOf } from './steps.js';

const today = () => new Date().toISOString().slice(0, 10);

/** "20,431 / 20,000" in the reader's notation. */
const counted = (length: number, max: number, language: string) => {
  const format = new Intl.NumberFormat(language);
  return `${format.format(length)} / ${format.format(max)}`;
};

// No maxLength on the texts: a browser cuts pasted text at the limit without a word, and the end of a story is lost.
// The count is shown instead, and the form refuses what is over with how long it is.
export function DetailsStep({ draft, update, errors }: StepProps): JSX.Element {
  const { t, config, language } = usePortal();
  const optional = t('common.optional');
  const text = (key: 'title' | 'description' | 'location' | 'occurredOn' | 'amountValue') => (event: Event) =>
    update({ [key]: (event.target as HTMLInputElement).value });
  return (
    <>
      <Field
        id={controlIdOf('title')}
        label={t('report.title')}
        error={errors.title}
        hint={counted(draft.title.length, LIMITS.title, language)}
      >
        {(control) => <input {...control} type="text" value={draft.title} onInput={text('title')} />}
      </Field>
      <Field
        id={controlIdOf('description')}
        label={t('report.description')}
        error={errors.description}
        hint={counted(draft.description.length, LIMITS.description, language)}
      >
        {(control) => <textarea {...control} rows={10} value={draft.description} onInput={text('description')} />}
      </Field>
      <div class="occurred">
        <Field id="report-occurredPrecision" label={t('report.occurredOn.precision')}>
          {(control) => (
            <select
              {...control}
              value={draft.occurredPrecision}
              onChange={(event) => {
                const precision = (event.target as HTMLSelectElement).value === 'month' ? 'month' : 'day';
                // A day becomes its month; a month cannot become a day, so it is asked again.
                update({ occurredPrecision: precision, occurredOn: precision === 'month' ? draft.occurredOn.slice(0, 7) : '' });
              }}
            >
              <option value="day">{t('report.occurredOn.day')}</option>
              <option value="month">{t('report.occurredOn.month')}</option>
            </select>
          )}
        </Field>
        <Field id={controlIdOf('occurredOn')} label={t('report.occurredOn')} optionalLabel={optional} error={errors.occurredOn}>
          {(control) =>
            draft.occurredPrecision === 'month' ? (
              <input {...control} type="month" max={today().slice(0, 7)} value={draft.occurredOn} onInput={text('occurredOn')} />
            ) : (
              <input {...control} type="date" max={today()} value={draft.occurredOn} onInput={text('occurredOn')} />
            )
          }
        </Field>
      </div>
      <Choice
        type="checkbox"
        name="occurredApproximately"
        id="report-occurredApproximately"
        checked={draft.occurredApproximately}
        onChange={() => update({ occurredApproximately: !draft.occurredApproximately })}
        label={t('report.occurredOn.approximate')}
      />
      <Field id={controlIdOf('location')} label={t('report.location')} optionalLabel={optional} error={errors.location}>
        {(control) => <input {...control} type="text" value={draft.location} onInput={text('location')} />}
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
            <select
              {...control}
              value={draft.currency}
              onChange={(event) => update({ currency: (event.target as HTMLSelectElement).value })}
            >
              {currencyChoices(config.country.currency).map((code) => (
                <option key={code} value={code}>
                  {currencyLabel(code, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </>
  );
}
