import { randomInt } from 'node:crypto';
import { makeKbo } from '@werkgezond/domain';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { graphql } from './support';

/** Numbers this test process handed out already (files in one run share the e2e database). */
const handedOut = new Set<string>();

/**
 * A valid enterprise number (mod-97 check digits) for a company a test registers: drawn with
 * crypto randomness from 10_000_000..14_999_999 (first eight digits; the bundled dataset's
 * numbers start with 0), never the same twice in one process. A clock-derived number could
 * repeat one registered by an earlier run on a reused database (E2E_BASE_URL).
 */
export function freshKbo(): string {
  for (;;) {
    const kbo = makeKbo(randomInt(10_000_000, 15_000_000));
    if (handedOut.has(kbo)) continue;
    handedOut.add(kbo);
    return kbo;
  }
}

/** 0123.456.749 notation of a ten-digit number. */
export const dotted = (kbo: string) => `${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`;

export interface NewCompany {
  name: string;
  kbo: string;
  email: string;
  organisationId: string;
}

/**
 * Registers a new company through the API with the page's cookies (so the page is signed in as
 * its participant afterwards). Small and without committee: eligible for the coaching programme.
 */
export async function signUpCompany(
  page: Page,
  label: string,
  options: { employeeCount?: number; hasPreventionCommittee?: boolean } = {},
): Promise<NewCompany> {
  const kbo = freshKbo();
  const name = `${label} ${kbo.slice(-5)} BV`;
  const email = `e2e-${kbo}@${label.toLowerCase().replace(/[^a-z]+/g, '')}.be`;
  const data = await graphql<{ signUp: { organisation: { id: string } } }>(
    page,
    `mutation ($input: SignUpInput!) { signUp(input: $input) { organisation { id } } }`,
    {
      input: {
        organisationName: name,
        kboNumber: kbo,
        employeeCount: options.employeeCount ?? 12,
        hasPreventionCommittee: options.hasPreventionCommittee ?? false,
        municipality: 'Gent',
        province: 'Oost-Vlaanderen',
        displayName: `${label} Tester`,
        email,
        password: 'een heel lang wachtwoord',
      },
    },
  );
  return { name, kbo, email, organisationId: data.signUp.organisation.id };
}

/** The total of applications the page's user may see (their own organisation's, for a participant). */
export async function applicationCount(page: Page): Promise<number> {
  const data = await graphql<{ applications: { totalCount: number } }>(
    page,
    '{ applications(first: 1) { totalCount } }',
  );
  return data.applications.totalCount;
}

/** The id in /portaal/aanvragen/<id>. */
export function applicationIdOf(page: Page): string {
  const id = /\/portaal\/aanvragen\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(id, `no application id in ${page.url()}`).toBeTruthy();
  return id as string;
}

/** A small but real PDF (the API checks the bytes, not the name). */
export function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}
