import type { Page } from 'playwright-core';
import { expectHeading } from './support';

/** Opens a back-office page from the shell's and the back office's own navigation. */
export async function openBackOffice(page: Page, link: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Beheer', exact: true })
    .click();
  await expectHeading(page, "Programma's en oproepen");
  if (link !== "Programma's en oproepen") {
    await page
      .getByRole('navigation', { name: 'Beheer' })
      .getByRole('link', { name: link })
      .click();
    await expectHeading(page, heading);
  }
}

/** Creates an invitation on the users page and returns the one-time link shown. */
export async function inviteFromUsersPage(
  page: Page,
  email: string,
  role: 'Analist' | 'Programmabeheerder',
  programmeName?: string,
): Promise<string> {
  const form = page.getByRole('region', { name: 'Iemand uitnodigen' });
  await form.getByLabel(/^E-mailadres/).fill(email);
  if (role !== 'Analist') {
    await form.getByLabel('Analist', { exact: true }).uncheck();
    await form.getByLabel(role, { exact: true }).check();
    if (programmeName) await form.getByLabel(programmeName, { exact: true }).check();
  }
  await form.getByRole('button', { name: 'Uitnodiging maken' }).click();
  await page.getByText(`Uitnodiging voor ${email} gemaakt`).waitFor();
  return page.getByLabel('Eenmalige link').inputValue();
}

/** The invitee opens the link, sets a name and password, and is signed in. */
export async function acceptInvitation(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await expectHeading(page, 'Uitnodiging aanvaarden');
  await page.getByLabel(/^Je naam/).fill(name);
  await page.getByLabel(/^Wachtwoord/).fill('een heel lang wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord instellen en aanmelden' }).click();
}
