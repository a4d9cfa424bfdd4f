// The reporter's slip: the tracking code in large type in groups of four, each character named for reading it
// aloud, where and how to follow the report, and its deadlines. Printing prints the slip alone (styles/intake.css):
// nothing of the console, nobody's name. The code is in this screen's memory only; once it is left, it is gone.
import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import type { AssistedChannel } from '#contract/intakeChannel.js';
import { formatTrackingCode, normalizeTrackingCode } from '#contract/trackingCode.js';
import type { AssistedReportResponse } from '#schemas/intake.js';
import { Notice } from '../../shared/ErrorSummary.js';
import { formatDate } from '../../shared/format.js';
import { useAgency } from '../context.js';
import { organizationName } from '../labels.js';
import { spokenCode, usesSpellingAlphabet } from './spokenCode.js';

/** Set on the page while a slip is on it: the print style sheet then prints the slip alone. */
const PRINTS_SLIP = 'prints-intake-slip';

/** "a, b, c" in the reader's language. */
function listOf(items: string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { style: 'short', type: 'unit' }).format(items);
  } catch {
    return items.join(', ');
  }
}

export function IntakeSlip({
  filed,
  channel,
  onAnother,
}: {
  filed: AssistedReportResponse;
  channel: AssistedChannel;
  onAnother: () => void;
}): JSX.Element {
  const { t, config, language } = useAgency();
  useEffect(() => {
    document.body.classList.add(PRINTS_SLIP);
    return () => document.body.classList.remove(PRINTS_SLIP);
  }, []);
  const code = normalizeTrackingCode(filed.trackingCode);
  const groups = code
    ? spokenCode(
        code,
        {
          letter: (letter) => t('agency.intake.spell.letter', { letter }),
          digit: (digit) => t('agency.intake.spell.digit', { digit }),
          phonetic: (letter, word) => t('agency.intake.spell.phonetic', { letter, word }),
        },
        usesSpellingAlphabet(language),
      )
    : [];
  const grouped = code ? formatTrackingCode(code) : filed.trackingCode;
  const zone = config.country.timezone;
  const portal = `${location.origin}/`;

  return (
    <>
      <Notice kind="success" text={t('agency.intake.filed')} />
      <p class="hint">{t('agency.intake.readAloud')}</p>
      <p class="hint">{t('agency.intake.slipLanguage')}</p>
      <div class="actions">
        <button type="button" onClick={() => window.print()}>
          {t('agency.intake.print')}
        </button>
        <button type="button" class="secondary" onClick={onAnother}>
          {t('agency.intake.another')}
        </button>
      </div>
      <section class="intake-slip" aria-labelledby="intake-slip-heading">
        <p class="slip-portal">{t('app.title')}</p>
        <h2 id="intake-slip-heading">{t('code.heading')}</h2>
        <p class="tracking-code-label" id="intake-code-label">
          {t('track.code')}
        </p>
        <p class="slip-code" id="intake-code" translate={false}>
          {grouped}
        </p>
        <p class="slip-spelled-label">{t('agency.intake.spelled')}</p>
        <ol class="slip-spelled">
          {groups.map((group, i) => (
            <li key={i}>
              <span class="slip-group" translate={false}>
                {code!.slice(i * 4, i * 4 + 4)}
              </span>
              : {listOf(group, language)}
            </li>
          ))}
        </ol>
        <p class="slip-keep">{t('agency.intake.keep')}</p>
        <p>{t('agency.intake.trackAt', { address: portal, page: t('nav.track') })}</p>
        <dl class="facts">
          <dt>{t('code.routedTo')}</dt>
          <dd>{organizationName(config, filed.organization.id, filed.organization.name)}</dd>
          <dt>{t('code.acknowledgeBy')}</dt>
          <dd>{formatDate(filed.acknowledgeBy, language, zone)}</dd>
          <dt>{t('code.respondBy')}</dt>
          <dd>{formatDate(filed.respondBy, language, zone)}</dd>
          <dt>{t('agency.intake.arrivedBy')}</dt>
          <dd>{t(`agency.intake.channel.${channel}`)}</dd>
        </dl>
      </section>
    </>
  );
}
