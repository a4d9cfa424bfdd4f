// What staff type into a case's forms (a message, notes, a transfer's reason) is kept in the tab's sessionStorage as
// they type, so a session that ends, a reload or a trip to the queue loses none of it; signing in again brings it
// back. It is kept per user and case, dropped once sent, and all of it on signing out. sessionStorage dies with the
// tab, and the text never leaves the browser until it is sent.
import { useState } from 'preact/hooks';
import { readJson, writeItem } from '../shared/storage.js';
import { useAgency } from './context.js';

const DRAFTS_KEY = 'cp.agencyDrafts';

export type DraftField = 'message' | 'publicNote' | 'internalNote' | 'transferReason' | 'holdReason' | 'conflictReason';

type Drafts = Record<string, string>;

function readDrafts(): Drafts {
  const stored = readJson<unknown>('sessionStorage', DRAFTS_KEY);
  return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Drafts) : {};
}

function keepDraft(key: string, text: string): void {
  const drafts = readDrafts();
  if (text) drafts[key] = text;
  else delete drafts[key];
  writeItem('sessionStorage', DRAFTS_KEY, Object.keys(drafts).length ? JSON.stringify(drafts) : null);
}

/** Whether anything typed and not sent is kept in this tab (the sign-in screen after a session ended says so). */
export function hasDrafts(): boolean {
  return Object.keys(readDrafts()).length > 0;
}

/** Signing out: nothing typed stays behind in the tab. */
export function forgetAllDrafts(): void {
  writeItem('sessionStorage', DRAFTS_KEY, null);
}

/** A form field's text, kept as it is typed; `forget` empties it once it is sent. */
export function useDraft(caseId: string, field: DraftField): [text: string, type: (text: string) => void, forget: () => void] {
  const { session } = useAgency();
  const key = JSON.stringify([session.user.username, caseId, field]);
  const [text, setText] = useState(() => {
    const kept = readDrafts()[key];
    return typeof kept === 'string' ? kept : '';
  });
  const type = (next: string) => {
    setText(next);
    keepDraft(key, next);
  };
  return [text, type, () => type('')];
}
