import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationCount, signUpCompany } from './portal-support';
import {
  DEMO,
  DEMO_COMPANY,
  expectHeading,
  expectNoSeriousAxeViolations,
  graphql,
  launchChromium,
  newPage,
  screenshot,
  signIn,
} from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const isApply = (route: Route) =>
  route.request().method() === 'POST' &&
  (route.request().postData() ?? '').includes('"operationName":"ApplyToProgramme"');

describe('submitting twice never creates two applications', () => {
  it('a double click on the submit button creates one application', async () => {
    const { context, page, consoleErrors } = await newPage(browser);
    await page.goto('/');
    const company = await signUpCompany(page, 'Dubbelklik');
    // Slow the answer down so the second click lands while the first request is under way.
    let sent = 0;
    await page.route('**/graphql', async (route) => {
      if (!isApply(route)) return route.fallback();
      sent += 1;
      await new Promise((r) => setTimeout(r, 800));
      return route.fallback();
    });
    await page.goto('/portaal/aanvragen/nieuw?programma=nv-gezond');
    await expectHeading(page, 'Nieuwe aanvraag');
    await page.getByLabel(/Hoe heb je van ons gehoord/).selectOption({ label: 'Website' });
    await page.getByRole('button', { name: 'Aanvraag indienen' }).dblclick();
    await page.waitForURL(/\/portaal\/aanvragen\/[0-9a-f-]{36}$/);
    await page.getByText('Je aanvraag is ingediend.').waitFor();
    expect(sent).toBe(1);
    expect(await applicationCount(page)).toBe(1);
    const { applications } = await graphql<{
      applications: { edges: { node: { organisation: { name: string } } }[] };
    }>(page, '{ applications(first: 5) { edges { node { organisation { name } } } } }');
    expect(applications.edges.map((e) => e.node.organisation.name)).toEqual([company.name]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a retry after a lost answer returns the same application (idempotency key)', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await signUpCompany(page, 'Herhaling');
    // The first attempt reaches the server, but its answer is lost on the way back.
    let attempts = 0;
    await page.route('**/graphql', async (route) => {
      if (!isApply(route)) return route.fallback();
      attempts += 1;
      if (attempts === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.fallback();
    });
    await page.goto('/portaal/aanvragen/nieuw?programma=gezondheidscoaches');
    await expectHeading(page, 'Nieuwe aanvraag');
    await page.getByLabel(/Hoe heb je van ons gehoord/).selectOption({ label: 'HR-magazines' });
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await page.getByRole('alert').filter({ hasText: 'De server is niet bereikbaar' }).waitFor();
    expect(await applicationCount(page)).toBe(1); // stored, though the browser never heard
    await screenshot(page, 'portal-apply-network-error');
    await page.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await page.waitForURL(/\/portaal\/aanvragen\/[0-9a-f-]{36}$/);
    expect(attempts).toBe(2);
    expect(await applicationCount(page)).toBe(1);
    await context.close();
  });
});

describe('a participant cannot open another company’s application by its address', () => {
  it('shows "not found" and nothing of the application', async () => {
    // The network's group registration, as the network coordinator sees it.
    const network = await newPage(browser);
    await signIn(network.page, DEMO.network);
    await network.page.waitForURL(/\/portaal$/);
    const { applications } = await graphql<{
      applications: {
        edges: {
          node: { id: string; organisation: { name: string }; members: { name: string }[] };
        }[];
      };
    }>(
      network.page,
      '{ applications(first: 20) { edges { node { id organisation { name } members { name } } } } }',
    );
    await network.context.close();
    const other = applications.edges.find(
      (e) => !e.node.members.some((m) => m.name === DEMO_COMPANY),
    )?.node;
    expect(other).toBeDefined();
    if (!other) return;

    const { context, page, consoleErrors } = await newPage(browser);
    await signIn(page, DEMO.participant);
    await page.waitForURL(/\/portaal$/);
    for (const path of ['', '/dossier', '/intrekken', '/bewerken']) {
      await page.goto(`/portaal/aanvragen/${other.id}${path}`);
      await expectHeading(page, 'Aanvraag niet gevonden');
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).not.toContain(other.organisation.name);
      for (const member of other.members) expect(text).not.toContain(member.name);
    }
    expect(await page.title()).toBe('Aanvraag niet gevonden · Werkgezond');
    await screenshot(page, 'portal-application-not-found');
    await expectNoSeriousAxeViolations(page);
    // An address that is not an id at all is just as unknown.
    await page.goto('/portaal/aanvragen/niet-een-id');
    await expectHeading(page, 'Aanvraag niet gevonden');
    // The API is the judge: it answers NOT_FOUND, not the application.
    await expect(
      graphql(page, 'query ($id: ID!) { application(id: $id) { id } }', { id: other.id }),
    ).rejects.toThrow(/not found/i);
    // The attachment download of someone else's dossier is refused too.
    const files = await page.request.get(`/api/attachments/${other.id}`);
    expect(files.status()).toBe(404);
    expect(consoleErrors.filter((e) => !/404|Not Found/i.test(e))).toEqual([]);
    await context.close();
  });
});

describe('two managers deciding the same application at once', () => {
  it('one wins, the other sees the conflict message and keeps what was typed', async () => {
    // A fresh application waiting for a decision.
    const applicant = await newPage(browser);
    await applicant.page.goto('/');
    const company = await signUpCompany(applicant.page, 'Gelijktijdig');
    const { applyToProgramme } = await graphql<{ applyToProgramme: { id: string } }>(
      applicant.page,
      'mutation ($input: ApplicationDraftInput!) { applyToProgramme(input: $input) { id } }',
      {
        input: {
          programmeKey: 'gezondheidscoaches',
          organisationId: company.organisationId,
          registrationType: 'INDIVIDUAL',
          channelKey: 'website',
          idempotencyKey: `e2e-conflict-${company.kbo}`,
        },
      },
    );
    await applicant.context.close();
    const path = `/portaal/aanvragen/${applyToProgramme.id}`;

    const first = await newPage(browser);
    const second = await newPage(browser);
    for (const m of [first.page, second.page]) {
      await signIn(m, DEMO.manager);
      await m.waitForURL(/\/portaal$/);
      await m.goto(path);
      await m.getByRole('heading', { name: 'Behandeling' }).waitFor();
    }
    // Both decide on the version they loaded: the first approves…
    await first.page.getByLabel('Goedkeuren').check();
    // …the second rejects it, with a reason and an explanation.
    await second.page.getByLabel('Afkeuren (met reden)').check();
    await second.page.getByLabel('Reden van afkeuring').selectOption('INCOMPLETE');
    const explanation = 'Het formulier mist de handtekening van de zaakvoerder.';
    await second.page.getByLabel(/Toelichting/).fill(explanation);

    await first.page.getByRole('button', { name: 'Vastleggen' }).click();
    await first.page.getByText('Vastgelegd: Goedgekeurd.').waitFor();
    await second.page.getByRole('button', { name: 'Vastleggen' }).click();
    const conflict = second.page
      .getByRole('alert')
      .filter({ hasText: 'Iemand anders heeft deze aanvraag intussen gewijzigd' });
    await conflict.waitFor();
    // The page reloaded the application: it now shows the approval…
    await second.page.locator('.wg-badge', { hasText: 'Goedgekeurd' }).first().waitFor();
    // …and nothing the manager typed is lost.
    expect(await second.page.getByLabel(/Toelichting/).inputValue()).toBe(explanation);
    await screenshot(second.page, 'portal-manager-conflict');
    await expectNoSeriousAxeViolations(second.page);

    const { application } = await graphql<{
      application: { currentStage: { key: string }; events: { stage: string }[] };
    }>(
      first.page,
      'query ($id: ID!) { application(id: $id) { currentStage { key } events { stage } } }',
      {
        id: applyToProgramme.id,
      },
    );
    expect(application.currentStage.key).toBe('APPROVED');
    expect(application.events.map((e) => e.stage)).toEqual(['APPLIED', 'APPROVED']);
    expect(first.consoleErrors).toEqual([]);
    await first.context.close();
    await second.context.close();
  });
});
