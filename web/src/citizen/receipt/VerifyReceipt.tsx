// "Verify a receipt": a saved receipt file (or a pasted receipt) checked in the browser against the portal's public
// key set, fetched when the page opens and held in memory, so the check itself works offline. The checker is the one
// `npm run receipt:verify` uses (functions/contract/filingReceiptCheck.ts). Loaded on demand: reporters filing or
// tracking a case never download it.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type ReceiptVerdict, verifyReceipt } from '#contract/filingReceiptCheck.js';
import { type FilingReceiptClaims, type ReceiptKeySet, parseFilingReceiptClaims, receiptFile, receiptKeySet } from '#schemas/receipt.js';
import { apiRequest } from '../../shared/api.js';
import { Notice } from '../../shared/ErrorSummary.js';
import { formatDate } from '../../shared/format.js';
import { ScreenHeading } from '../../shared/ScreenHeading.js';
import { usePortal } from '../context.js';

let loadedKeys: ReceiptKeySet | null = null;

export function VerifyReceipt(): JSX.Element {
  const { t, config, language } = usePortal();
  const [keys, setKeys] = useState<ReceiptKeySet | 'failed' | null>(loadedKeys);
  const [pasted, setPasted] = useState('');
  const [verdict, setVerdict] = useState<ReceiptVerdict<FilingReceiptClaims> | 'unreadable' | null>(null);

  useEffect(() => {
    if (loadedKeys) return;
    let live = true;
    void apiRequest('GET', '/receipts/keys', receiptKeySet).then((result) => {
      if (!live) return;
      if (result.ok) loadedKeys = result.data;
      setKeys(result.ok ? result.data : 'failed');
    });
    return () => {
      live = false;
    };
  }, []);

  async function check(text: string): Promise<void> {
    if (!keys || keys === 'failed') return;
    const trimmed = text.trim();
    let file: { receipt: string; authorshipSecret?: string } | null = null;
    try {
      file = trimmed.startsWith('{') ? (receiptFile.safeParse(JSON.parse(trimmed)).data ?? null) : trimmed ? { receipt: trimmed } : null;
    } catch {
      file = null;
    }
    setVerdict(file ? await verifyReceipt(file, keys, parseFilingReceiptClaims) : 'unreadable');
  }

  async function chooseFile(event: Event): Promise<void> {
    const chosen = (event.target as HTMLInputElement).files?.[0];
    if (chosen) await check(await chosen.text());
  }

  const zone = config.country.timezone;
  return (
    <>
      <ScreenHeading>{t('verify.heading')}</ScreenHeading>
      <p>{t('verify.intro')}</p>
      {keys === 'failed' ? <Notice kind="error" text={t('verify.keysFailed')} /> : null}
      {keys === null ? (
        <p class="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      <div class="field">
        <label for="receipt-file">{t('verify.file')}</label>
        <input id="receipt-file" type="file" accept="application/json,.json,.txt" onChange={(event) => void chooseFile(event)} />
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void check(pasted);
        }}
      >
        <div class="field">
          <label for="receipt-text">{t('verify.paste')}</label>
          <textarea
            id="receipt-text"
            rows={4}
            spellcheck={false}
            value={pasted}
            onInput={(event) => setPasted((event.target as HTMLTextAreaElement).value)}
          />
        </div>
        <div class="actions">
          <button type="submit" disabled={!keys || keys === 'failed'}>
            {t('verify.submit')}
          </button>
        </div>
      </form>
      <div role="status" class="verify-result">
        {verdict === 'unreadable' ? (
          <div class="notice notice-error">
            <p>{t('verify.unreadable')}</p>
          </div>
        ) : null}
        {verdict && verdict !== 'unreadable' && !verdict.valid ? (
          <div class="notice notice-error">
            <p>
              {t('verify.invalid')} {t(`verify.problem.${verdict.problem}`)}
            </p>
          </div>
        ) : null}
        {verdict && verdict !== 'unreadable' && verdict.valid ? (
          <div class="notice notice-success">
            <p>
              <strong>{t('verify.valid')}</strong>
            </p>
            <dl class="facts">
              <dt>{t('code.caseId')}</dt>
              <dd translate={false}>{verdict.claims.caseId}</dd>
              <dt>{t('receipt.filedAt')}</dt>
              <dd>{formatDate(verdict.claims.filedAt, language, zone, true)}</dd>
              <dt>{t('code.routedTo')}</dt>
              <dd>{config.organizations.find((o) => o.id === verdict.claims.organizationId)?.name ?? verdict.claims.organizationId}</dd>
              <dt>{t('receipt.category')}</dt>
              <dd>{config.categories.find((c) => c.id === verdict.claims.category)?.name ?? verdict.claims.category}</dd>
              <dt>{t('receipt.reportSha256')}</dt>
              <dd class="digest" translate={false}>
                {verdict.claims.reportSha256}
              </dd>
            </dl>
            <p class={`authorship authorship-${verdict.authorship}`}>{t(`verify.authorship.${verdict.authorship}`)}</p>
          </div>
        ) : null}
      </div>
    </>
  );
}
