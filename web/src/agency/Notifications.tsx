// The member's own notification settings (GET and PATCH /staff/me): what the portal mails about, whether it has an
// address for them, and one mail a day instead of one per event. Saved as soon as the box changes, and said so.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type StaffMeResponse, staffMeResponse } from '#schemas/staff.js';
import { Notice } from '../shared/ErrorSummary.js';
import { ScreenHeading } from '../shared/ScreenHeading.js';
import { useAgency } from './context.js';
import { failureText } from './labels.js';

export function Notifications(): JSX.Element {
  const { t, call } = useAgency();
  const [settings, setSettings] = useState<StaffMeResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void call('GET', '/staff/me', staffMeResponse).then((result) => {
      if (result.ok) setSettings(result.data);
      else setFailure(failureText(result, t));
    });
  }, []);

  async function choose(digest: boolean): Promise<void> {
    if (!settings) return;
    // The box shows the choice at once; a refusal puts it back and says so.
    const before = settings;
    setSettings({ ...settings, digest });
    setSaving(true);
    setSaved(false);
    setFailure(null);
    const result = await call('PATCH', '/staff/me', staffMeResponse, { digest });
    setSaving(false);
    if (result.ok) {
      setSettings(result.data);
      setSaved(true);
    } else {
      setSettings(before);
      setFailure(t('agency.notify.failed'));
    }
  }

  return (
    <>
      <ScreenHeading>{t('agency.notify.title')}</ScreenHeading>
      <p>{t('agency.notify.intro')}</p>
      <Notice kind="error" text={failure} />
      {settings ? (
        <>
          {settings.hasEmail ? null : <Notice kind="info" text={t('agency.notify.noEmail')} />}
          <div class="choice">
            <input
              id="notify-digest"
              type="checkbox"
              checked={settings.digest}
              disabled={saving || !settings.hasEmail}
              onChange={(event) => void choose((event.target as HTMLInputElement).checked)}
            />
            <label for="notify-digest">{t('agency.notify.digest')}</label>
          </div>
          <Notice kind="success" text={saved ? t('agency.notify.saved') : null} />
        </>
      ) : failure ? null : (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      )}
    </>
  );
}
