import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestServer } from './harness.js';

/** A fresh valid KBO number per call (0991 prefix: outside the dataset and other test files). */
let seq = 0;
export function freshKbo(): string {
  seq += 1;
  const first8 = `0991${String((process.pid * 100 + seq) % 10000).padStart(4, '0')}`;
  return `${first8}${String(97 - (Number(first8) % 97)).padStart(2, '0')}`;
}

/** Registers a new eligible small company through the API; returns its session and id. */
export async function signUpCompany(server: TestServer, extra: Record<string, unknown> = {}) {
  const email = `bo-bedrijf-${randomUUID()}@example.be`;
  const res = await server.gql<{ signUp: { organisation: { id: string } } }>(
    'mutation ($input: SignUpInput!) { signUp(input: $input) { organisation { id } } }',
    {
      input: {
        email,
        password: 'een-veilig-wachtwoord',
        displayName: 'Back Office Test',
        kboNumber: freshKbo(),
        organisationName: `Backofficetest ${seq} BV`,
        employeeCount: 12,
        province: 'Limburg',
        hasPreventionCommittee: false,
        ...extra,
      },
    },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const { cookie } = await server.signIn(email, 'een-veilig-wachtwoord');
  return { cookie, organisationId: res.data!.signUp.organisation.id };
}

/** A new programme (unique key) created by the admin, with the trajectory stages. */
export async function createProgramme(server: TestServer, admin: string) {
  const [operator] = await server.dataSource.query(
    "SELECT id FROM organisation WHERE kind = 'PROGRAMME_OPERATOR' ORDER BY name LIMIT 1",
  );
  const key = `bo-test-${randomUUID().slice(0, 8)}`;
  const res = await server.gql<{ createProgramme: { id: string; key: string } }>(
    `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { id key } }`,
    {
      input: {
        key,
        name: `Testprogramma ${key}`,
        operatorId: operator.id,
        stageTemplate: 'TRAJECTORY',
        eligibility: { maxEmployees: 49, requiresNoPreventionCommittee: true },
      },
    },
    { cookie: admin },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!.createProgramme;
}

export const CREATE_EDITION = `mutation ($input: EditionInput!) {
  createEdition(input: $input) { id year status acceptsApplications } }`;
export const UPDATE_EDITION = `mutation ($input: UpdateEditionInput!) {
  updateEdition(input: $input) { id status acceptsApplications } }`;
export const APPLY = `mutation ($input: ApplicationDraftInput!) {
  applyToProgramme(input: $input) { id version edition { year } } }`;

/** Opens a call for `year` that runs from last year to next year (so it is open today). */
export async function openCall(
  server: TestServer,
  cookie: string,
  programmeKey: string,
  year: number,
) {
  const now = new Date();
  const res = await server.gql<{ createEdition: { id: string; acceptsApplications: boolean } }>(
    CREATE_EDITION,
    {
      input: {
        programmeKey,
        year,
        name: `Oproep ${year}`,
        opensOn: `${now.getUTCFullYear() - 1}-01-01`,
        closesOn: `${now.getUTCFullYear() + 1}-12-31`,
        status: 'OPEN',
      },
    },
    { cookie },
  );
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  expect(res.data!.createEdition.acceptsApplications).toBe(true);
  return res.data!.createEdition.id;
}
