import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation, inviteFromUsersPage, openBackOffice } from './admin-support';
import {
  DEMO,
  expectHeading,
  expectNoSeriousAxeViolations,
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

describe('back office: users and roles', () => {
  it('an invited analyst signs in with the one-time link; deactivation signs them out', {
    timeout: 180_000,
  }, async () => {
    const admin = await newPage(browser);
    const a = admin.page;
    await signIn(a, DEMO.admin);
    await a.waitForURL(/\/portaal$/);
    await openBackOffice(a, 'Gebruikers en rollen', 'Gebruikers en rollen');
    await a
      .getByRole('table', { name: 'Medewerkers' })
      .getByRole('row')
      .filter({ hasText: DEMO.analyst })
      .waitFor();
    await expectNoSeriousAxeViolations(a);
    const email = `analist-${Date.now()}@werkgezond.be`;
    const link = await inviteFromUsersPage(a, email, 'Analist');
    await a
      .getByRole('table', { name: 'Openstaande uitnodigingen' })
      .getByRole('row')
      .filter({ hasText: email })
      .waitFor();
    await screenshot(a, 'admin-users-invited');
    await expectNoSeriousAxeViolations(a);

    // The invitee: the page names the address and role, then signs them in as analyst.
    const invitee = await newPage(browser);
    const i = invitee.page;
    await i.goto(link);
    await expectHeading(i, 'Uitnodiging aanvaarden');
    await i.getByText(`als analist met het adres ${email}`, { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(i);
    await acceptInvitation(i, link, 'Nieuwe Analist');
    await i.waitForURL(/\/analyse$/);
    await expectHeading(i, "Overzicht van de programma's");

    // The link works once.
    const other = await newPage(browser);
    await other.page.goto(link);
    await other.page.getByText('Deze link werkt niet').waitFor();
    await other.context.close();

    // The admin deactivates the new analyst: their session ends at once.
    await a.reload();
    await expectHeading(a, 'Gebruikers en rollen');
    await a.getByRole('button', { name: `Deactiveren: ${email}` }).click();
    await a.getByText(`${email} is gedeactiveerd en afgemeld.`).waitFor();
    // The admin cannot deactivate themselves: there is no button for their own account.
    expect(await a.getByRole('button', { name: `Deactiveren: ${DEMO.admin}` }).count()).toBe(0);
    await i.reload();
    await i.waitForURL(/\/aanmelden/);
    expect(invitee.consoleErrors.filter((e) => !/401|UNAUTHENTICATED/.test(e))).toEqual([]);
    await invitee.context.close();
    expect(admin.consoleErrors).toEqual([]);
    await admin.context.close();
  });
});
