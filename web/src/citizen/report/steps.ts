// The wizard's steps, and which fields of POST /reports each one asks for (its errors show on that step).
import type { UiStringKey } from '#schemas/uiStrings.js';

export interface WizardStep {
  id: 'category' | 'organization' | 'details' | 'identity' | 'attachments' | 'review';
  title: UiStringKey;
  fields: string[];
}

export const STEPS: WizardStep[] = [
  { id: 'category', title: 'wizard.steps.category', fields: ['category'] },
  { id: 'organization', title: 'wizard.steps.organization', fields: ['organizationId'] },
  { id: 'details', title: 'wizard.steps.details', fields: ['title', 'description', 'occurredOn', 'location', 'amount'] },
  { id: 'identity', title: 'wizard.steps.identity', fields: ['subjectIsHead', 'anonymity', 'contact'] },
  { id: 'attachments', title: 'wizard.steps.attachments', fields: ['uploadIds'] },
  { id: 'review', title: 'wizard.steps.review', fields: [] },
];

/** The step that owns a field path ("contact.email" belongs to identity). */
export function stepOfField(path: string): number {
  const index = STEPS.findIndex((s) => s.fields.some((f) => path === f || path.startsWith(`${f}.`)));
  return index === -1 ? STEPS.length - 1 : index;
}

/** The id of the control an error links to. */
export function controlIdOf(path: string): string {
  return `report-${path.replace(/\./g, '-')}`;
}
