import { randomUUID } from 'node:crypto';
import type { TestServer } from './harness.js';

/** A fresh valid KBO number per call (0991 prefix: unused by the dataset's generator range). */
let seq = 0;
export function freshKbo(): string {
  seq += 1;
  const first8 = `0991${String((process.pid * 100 + seq) % 10000).padStart(4, '0')}`;
  return `${first8}${String(97 - (Number(first8) % 97)).padStart(2, '0')}`;
}

/** Signs up a new company with its participant; returns the session and ids. */
export async function signUpCompany(
  server: TestServer,
  overrides: Record<string, unknown> = {},
): Promise<{ cookie: string; organisationId: string; email: string }> {
  const email = String(overrides.email ?? `bedrijf-${randomUUID()}@example.be`).toLowerCase();
  const res = await server.gql<{ signUp: { organisation: { id: string } } }>(
    'mutation ($input: SignUpInput!) { signUp(input: $input) { organisation { id } } }',
    {
      input: {
        email,
        password: 'een-veilig-wachtwoord',
        displayName: 'Jan Testers',
        kboNumber: freshKbo(),
        organisationName: `Testbedrijf ${randomUUID().slice(0, 8)} BV`,
        employeeCount: 14,
        province: 'Limburg',
        municipality: 'Hasselt',
        hasPreventionCommittee: false,
        ...overrides,
      },
    },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const { cookie } = await server.signIn(email, 'een-veilig-wachtwoord');
  return { cookie, organisationId: res.data!.signUp.organisation.id, email };
}

/** Applies to the coaching programme; returns the application id and version. */
export async function applyForCoaching(
  server: TestServer,
  company: { cookie: string; organisationId: string },
): Promise<{ id: string; version: number }> {
  const res = await server.gql<{ applyToProgramme: { id: string; version: number } }>(
    `mutation ($input: ApplicationDraftInput!) { applyToProgramme(input: $input) { id version } }`,
    {
      input: {
        programmeKey: 'gezondheidscoaches',
        organisationId: company.organisationId,
        registrationType: 'INDIVIDUAL',
        channelKey: 'prebes',
      },
    },
    { cookie: company.cookie },
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.applyToProgramme;
}

export const STAGE_CHANGE = `mutation ($input: StageChangeInput!) { recordStageChange(input: $input) { id version } }`;
