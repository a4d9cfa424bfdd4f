// "Proof of filing" on the code screen and the status page: save the signed receipt as a small JSON file (with the
// authorship secret when saved at filing), or print it. The printed sheet names no one: the case number, the hour,
// where it went, the category and the fingerprints, and the signature itself. It is put on the page only to print:
// otherwise it would say the page's facts twice to a screen reader.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../../shared/format.js';
import { usePortal } from '../context.js';
import { claimsOf, saveReceiptFile } from './receiptFile.js';

export function ReceiptActions({ receipt, authorshipSecret }: { receipt: string; authorshipSecret?: string }): JSX.Element {
  const { t, config, language } = usePortal();
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(false);
    addEventListener('afterprint', done);
    window.print();
    return () => removeEventListener('afterprint', done);
  }, [printing]);
  const claims = claimsOf(receipt);
  const organization = config.organizations.find((o) => o.id === claims?.organizationId)?.name ?? claims?.organizationId;
  const category = config.categories.find((c) => c.id === claims?.category)?.name ?? claims?.category;
  return (
    <section class="receipt" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">{t('receipt.heading')}</h2>
      <p>{t('receipt.intro')}</p>
      {authorshipSecret ? <p class="hint">{t('receipt.authorship')}</p> : null}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => saveReceiptFile(receipt, authorshipSecret)}>
          {t('receipt.save')}
        </button>
        <button type="button" class="secondary" onClick={() => setPrinting(true)}>
          {t('receipt.print')}
        </button>
      </div>
      {claims && printing ? (
        <div class="receipt-sheet">
          <h2>{t('receipt.sheet')}</h2>
          <dl class="facts">
            <dt>{t('code.caseId')}</dt>
            <dd translate={false}>{claims.caseId}</dd>
            <dt>{t('receipt.filedAt')}</dt>
            <dd>{formatDate(claims.filedAt, language, config.country.timezone, true)}</dd>
            <dt>{t('code.routedTo')}</dt>
            <dd>{organization}</dd>
            <dt>{t('receipt.category')}</dt>
            <dd>{category}</dd>
            <dt>{t('receipt.reportSha256')}</dt>
            <dd class="digest" translate={false}>
              {claims.reportSha256}
            </dd>
            {claims.evidenceSha256.length > 0 ? (
              <>
                <dt>{t('receipt.evidenceSha256')}</dt>
                {claims.evidenceSha256.map((digest) => (
                  <dd key={digest} class="digest" translate={false}>
                    {digest}
                  </dd>
                ))}
              </>
            ) : null}
          </dl>
          <p>{t('receipt.signature')}</p>
          <p class="digest jws" translate={false}>
            {receipt}
          </p>
          <p>{t('receipt.verifyAt', { address: `${location.origin}/#/verify` })}</p>
        </div>
      ) : null}
    </section>
  );
}
