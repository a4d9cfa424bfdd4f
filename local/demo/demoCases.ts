// DEMO=1: a training copy gets realistic cases in every status, made through the portal's own API exactly as a
// citizen and agency staff would make them: received, overdue and escalated, acknowledged, in review with a
// question answered, under investigation, transferred, closed both ways, about an organization's head,
// confidential, and with evidence. The demo tracking codes are written to a file so a trainer can show the
// whistleblower's side; they belong to made-up cases only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CountryPack } from '#schemas/countryPack.js';

export interface DemoTarget {
  url: string;
  demoPassword: string;
  sweep(at: Date): Promise<void>;
  /** Publishes the public statistics, so they count the demo cases at once rather than at the next scheduled run. */
  publishStats?(): Promise<unknown>;
  /** Marks the seeding's requests as the portal's own, outside the per-address limit (LocalPortal.ownRequestHeaders). */
  ownRequestHeaders: Record<string, string>;
  /** Anchors the audit heads, so the demo cases are anchored at once and a trainer can show a cut being caught. */
  anchorAudit?(): Promise<unknown>;
}

interface Scenario {
  title: string;
  description: string;
  /** Agency steps after filing, in order. */
  steps?: Step[];
  subjectIsHead?: boolean;
  contact?: { name?: string; email?: string; phone?: string };
  evidence?: string;
  amount?: number;
}

type Step =
  | { status: 'acknowledged' | 'in_review' | 'investigating'; publicNote?: string; internalNote?: string }
  | { status: 'closed'; resolution: 'substantiated' | 'unsubstantiated' | 'insufficient_information' | 'referred'; publicNote: string }
  | { ask: string; answer?: string }
  | { transfer: true; reason: string };

const OVERDUE: Scenario = {
  title: 'Inspector asked for cash to pass a building inspection',
  description:
    'At the inspection of our shop the inspector said the report would be "difficult" unless we paid 300 in cash. He came back twice and asked again.',
};

const SCENARIOS: Scenario[] = [
  {
    title: 'Permit fees collected in cash without receipts',
    description:
      'At the front desk, fees for business permits are taken in cash and no receipt is given. This has happened to me and to two neighbours this month.',
  },
  {
    title: 'Fuel cards used for private trips every weekend',
    description:
      'Two drivers use the office fuel cards to fill their own cars on Saturdays. The card statements will show purchases on weekends far from the office.',
    steps: [{ status: 'acknowledged', publicNote: 'We have received your report and assigned it to our internal audit unit.' }],
  },
  {
    title: 'The same road repair invoiced twice',
    description: 'The repair of the road behind the market was invoiced in March and again in June by the same company, for the same work.',
    amount: 48_000,
    steps: [
      { status: 'acknowledged' },
      { status: 'in_review', publicNote: 'We are comparing the two invoices with the works register.' },
      {
        ask: 'Do you know the invoice numbers, or who approved the second payment?',
        answer: 'The second invoice was approved by the deputy head of the works department. I do not have the numbers.',
      },
    ],
  },
  {
    title: 'Tender written to fit one company',
    description:
      'The technical requirements of the cleaning tender list a machine model that only one local company owns. The same company won the last three tenders.',
    evidence: 'Tender notice, section 4.2: "cleaning machine model XR-200 or identical".\n',
    steps: [
      { status: 'acknowledged' },
      { status: 'in_review' },
      {
        status: 'investigating',
        publicNote: 'An investigation has been opened.',
        internalNote: 'Procurement files for the last three tenders requested from the department.',
      },
    ],
  },
  {
    title: 'Overtime paid for hours never worked',
    description: 'Staff in the records office are paid overtime every month, but the office closes at five and nobody stays late.',
    steps: [
      { status: 'acknowledged' },
      { status: 'in_review' },
      { status: 'investigating' },
      {
        status: 'closed',
        resolution: 'substantiated',
        publicNote: 'The overtime claims were not justified. The payments are being recovered and disciplinary proceedings have started.',
      },
    ],
  },
  {
    title: 'Office equipment taken home by staff',
    description: 'I saw laptops and a printer being put into a private car after work.',
    steps: [
      { status: 'acknowledged' },
      { status: 'in_review' },
      {
        status: 'closed',
        resolution: 'unsubstantiated',
        publicNote: 'The equipment was lent for approved work from home; the loan register confirms it.',
      },
    ],
  },
  {
    title: 'Hospital staff asked patients for gifts',
    description: 'Nurses on the third floor told my mother that treatment would be faster if the family brought envelopes.',
    steps: [{ transfer: true, reason: 'The hospital is supervised by another organization, which handles this kind of report.' }],
  },
  {
    title: 'The head of the organization hired a family member',
    description:
      "The head of the organization appointed his nephew as an adviser without a competition. The nephew's name is on the staff list published last week.",
    subjectIsHead: true,
  },
  {
    title: 'Supplier paid for goods never delivered',
    description: 'I work in the warehouse. We signed for 200 chairs that never arrived, and the supplier was paid in full.',
    contact: { name: 'Demo Reporter', email: 'reporter@example.org' },
    steps: [{ status: 'acknowledged', publicNote: 'Thank you. We may contact you through the details you gave.' }],
  },
];

async function call<T>(target: DemoTarget, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${target.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...target.ownRequestHeaders, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${answer.error?.message ?? ''}`);
  return answer;
}

/** Where the demo cases' tracking codes are written; its presence means this data dir is already seeded. */
export function demoCodesFile(dataDir: string): string {
  return join(dataDir, 'demo', 'tracking-codes.txt');
}

export interface DemoSeed {
  cases: number;
  codesFile: string;
}

export async function seedDemoCases(target: DemoTarget, pack: CountryPack, dataDir: string): Promise<DemoSeed> {
  const { demoPassword } = target;
  const language = pack.country.languages.includes('en') ? 'en' : pack.country.defaultLanguage;
  const reported = pack.organizations.filter((o) => o.id !== pack.country.oversightOrganizationId);
  const tokens = new Map<string, string>();
  const signIn = async (organizationId: string) => {
    if (!tokens.has(organizationId)) {
      const login = await call<{ token: string }>(target, 'POST', '/auth/login', {
        username: `supervisor@${organizationId}`,
        password: demoPassword,
      });
      tokens.set(organizationId, login.token);
    }
    return tokens.get(organizationId)!;
  };
  const codes: string[] = [];

  const file = async (scenario: Scenario, i: number) => {
    const uploadIds: string[] = [];
    if (scenario.evidence) {
      const bytes = Buffer.from(scenario.evidence);
      const slots = await call<{ uploads: { uploadId: string; url: string; fields: Record<string, string> }[] }>(
        target,
        'POST',
        '/uploads',
        {
          files: [{ name: 'evidence.txt', size: bytes.length, contentType: 'text/plain' }],
        },
      );
      const form = new FormData();
      for (const [k, v] of Object.entries(slots.uploads[0]!.fields)) form.append(k, v);
      form.append('file', new Blob([bytes], { type: 'text/plain' }), 'evidence.txt');
      // A path on the portal's own origin (functions/contract/uploadPath.ts).
      const sent = await fetch(new URL(slots.uploads[0]!.url, target.url), { method: 'POST', body: form });
      if (!sent.ok) throw new Error(`demo evidence upload: ${sent.status}`);
      uploadIds.push(slots.uploads[0]!.uploadId);
    }
    const filed = await call<{ caseId: string; trackingCode: string; organization: { id: string } }>(target, 'POST', '/reports', {
      category: pack.categories[i % pack.categories.length]!.id,
      organizationId: reported[(i * 7) % reported.length]!.id,
      language,
      title: scenario.title,
      description: scenario.description,
      amount: scenario.amount ? { value: scenario.amount, currency: pack.country.currency } : null,
      subjectIsHead: scenario.subjectIsHead ?? false,
      anonymity: scenario.contact ? 'confidential' : 'anonymous',
      contact: scenario.contact ?? null,
      uploadIds,
    });
    codes.push(`${filed.trackingCode}  ${scenario.title}`);
    let organizationId = filed.organization.id;
    for (const step of scenario.steps ?? []) {
      const token = await signIn(organizationId);
      if ('status' in step) await call(target, 'PATCH', `/cases/${filed.caseId}`, step, token);
      else if ('ask' in step) {
        await call(target, 'POST', `/cases/${filed.caseId}/messages`, { body: step.ask }, token);
        if (step.answer) await call(target, 'POST', '/track/messages', { trackingCode: filed.trackingCode, body: step.answer });
      } else {
        const to = pack.organizations.find((o) => o.id !== organizationId && o.id !== pack.country.oversightOrganizationId)!.id;
        await call(target, 'POST', `/cases/${filed.caseId}/transfer`, { organizationId: to, reason: step.reason }, token);
        organizationId = to;
      }
    }
  };

  // The overdue case first, then the sweep as if its acknowledgement deadline had passed, then the rest.
  await file(OVERDUE, 0);
  await target.sweep(new Date(Date.now() + (pack.country.deadlines.acknowledgeDays + 1) * 86_400_000));
  for (const [i, scenario] of SCENARIOS.entries()) await file(scenario, i + 1);
  await target.publishStats?.();
  await target.anchorAudit?.();

  const codesFile = demoCodesFile(dataDir);
  mkdirSync(dirname(codesFile), { recursive: true });
  writeFileSync(
    codesFile,
    ['Tracking codes of the made-up demo cases (DEMO=1). Never put real reports in a training copy.', '', ...codes, ''].join('\n'),
  );
  return { cases: codes.length, codesFile };
}
