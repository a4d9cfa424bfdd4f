// "Take a report" (#/intake): the form, then the slip for the reporter. Any signed-in staff member may take a
// report; the pack routes it, maybe to another organization (docs/assisted-intake.md).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { AssistedChannel } from '#contract/intakeChannel.js';
import type { AssistedReportResponse } from '#schemas/intake.js';
import { ScreenHeading } from '../../shared/ScreenHeading.js';
import { useAgency } from '../context.js';
import { IntakeForm } from './IntakeForm.js';
import { IntakeSlip } from './IntakeSlip.js';
import '../../styles/intake.css';

export function IntakeScreen(): JSX.Element {
  const { t } = useAgency();
  const [filed, setFiled] = useState<{ answer: AssistedReportResponse; channel: AssistedChannel } | null>(null);
  // A new form each time: the next report starts empty.
  const [form, setForm] = useState(0);
  return (
    <>
      <ScreenHeading focusKey={filed ? 'slip' : `form-${form}`}>{t('agency.intake.heading')}</ScreenHeading>
      {filed ? (
        <IntakeSlip
          filed={filed.answer}
          channel={filed.channel}
          onAnother={() => {
            setFiled(null);
            setForm((n) => n + 1);
          }}
        />
      ) : (
        <>
          <p>{t('agency.intake.intro')}</p>
          <IntakeForm key={form} onFiled={(answer, channel) => setFiled({ answer, channel: channel as AssistedChannel })} />
        </>
      )}
    </>
  );
}
