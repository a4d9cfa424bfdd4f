// Who the report is about, and how the reporter wants to be known: the consequences of each choice are spelled
// out next to it, not hidden behind a link.
import { LIMITS } from '#contract/limits.js';
import type { JSX } from 'preact';
import { Choice, ChoiceGroup, Field } from '../../shared/Field.js';
import { usePortal } from '../context.js';
import type { StepProps } from './ReportWizard.js';
import { controlIdOf } from './steps.js';

export function IdentityStep({ draft, update, errors }: StepProps): JSX.Element {
  const { t } = usePortal();
  const contact = (key: 'name' | 'email' | 'phone') => (event: Event) =>
    update({ contact: { ...draft.contact, [key]: (event.target as HTMLInputElement).value } });
  const radio = (name: string, id: string, checked: boolean, onChange: () => void, label: string, help?: string) => (
    <Choice name={name} id={id} checked={checked} onChange={onChange} label={label} help={help} />
  );
  return (
    <>
      <ChoiceGroup
        id={controlIdOf('subjectIsHead')}
        legend={t('report.subjectIsHead.question')}
        hint={t('report.subjectIsHead.help')}
        error={errors.subjectIsHead}
      >
        {radio('subjectIsHead', 'head-yes', draft.subjectIsHead === true, () => update({ subjectIsHead: true }), t('report.subjectIsHead'))}
        {radio(
          'subjectIsHead',
          'head-no',
          draft.subjectIsHead === false,
          () => update({ subjectIsHead: false }),
          t('report.subjectIsHead.no'),
        )}
      </ChoiceGroup>
      <ChoiceGroup id={controlIdOf('anonymity')} legend={t('report.anonymity')} error={errors.anonymity}>
        {radio(
          'anonymity',
          'anonymity-anonymous',
          draft.anonymity === 'anonymous',
          () => update({ anonymity: 'anonymous' }),
          t('report.anonymity.anonymous'),
          t('report.anonymity.anonymous.help'),
        )}
        {radio(
          'anonymity',
          'anonymity-confidential',
          draft.anonymity === 'confidential',
          () => update({ anonymity: 'confidential' }),
          t('report.anonymity.confidential'),
          t('report.anonymity.confidential.help'),
        )}
      </ChoiceGroup>
      {draft.anonymity === 'confidential' ? (
        <ChoiceGroup
          id={controlIdOf('contact')}
          legend={t('report.anonymity.confidential')}
          hint={t('report.contact.help')}
          error={errors.contact}
        >
          <Field
            id={controlIdOf('contact.name')}
            label={t('report.contact.name')}
            optionalLabel={t('common.optional')}
            error={errors['contact.name']}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="name"
                maxLength={LIMITS.contactName}
                value={draft.contact.name}
                onInput={contact('name')}
              />
            )}
          </Field>
          <Field
            id={controlIdOf('contact.email')}
            label={t('report.contact.email')}
            optionalLabel={t('common.optional')}
            error={errors['contact.email']}
          >
            {(control) => (
              <input
                {...control}
                type="email"
                autoComplete="email"
                maxLength={LIMITS.email}
                value={draft.contact.email}
                onInput={contact('email')}
              />
            )}
          </Field>
          <Field
            id={controlIdOf('contact.phone')}
            label={t('report.contact.phone')}
            optionalLabel={t('common.optional')}
            error={errors['contact.phone']}
          >
            {(control) => (
              <input
                {...control}
                type="tel"
                autoComplete="tel"
                maxLength={LIMITS.phone}
                value={draft.contact.phone}
                onInput={contact('phone')}
              />
            )}
          </Field>
        </ChoiceGroup>
      ) : null}
    </>
  );
}
