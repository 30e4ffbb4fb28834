import type { EntityManager } from 'typeorm';
import { todayInBrussels } from '../../database/sql.js';
import { links } from './mail.config.js';
import { asLanguage, queueMail } from './mail.service.js';
import {
  REJECTION_REASON_LABELS,
  type TemplateKey,
  type TemplateVars,
} from './templates/catalogue.js';

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  language: string;
}

/** The people who act for the applicant: its participants or network coordinators. */
export async function applicantRecipients(
  em: EntityManager,
  organisationId: string,
): Promise<Recipient[]> {
  return em.query(
    `SELECT DISTINCT u.id AS "userId", u.email, u.display_name AS name, u.language
       FROM app_user u JOIN role_grant g ON g.user_id = u.id
      WHERE g.organisation_id = $1 AND g.role IN ('PARTICIPANT', 'NETWORK_COORDINATOR')
        AND u.disabled_at IS NULL
      ORDER BY u.email`,
    [organisationId],
  );
}

async function context(em: EntityManager, applicationId: string) {
  const [row] = (await em.query(
    `SELECT a.id, a.organisation_id AS "organisationId", a.version, o.name AS organisation, p.name AS programme
       FROM application a JOIN organisation o ON o.id = a.organisation_id
       JOIN programme p ON p.id = a.programme_id WHERE a.id = $1`,
    [applicationId],
  )) as {
    id: string;
    organisationId: string;
    version: number;
    organisation: string;
    programme: string;
  }[];
  return row!;
}

/** One message per recipient; the key names the cause, so a retried cause adds nothing. */
async function toApplicants(
  em: EntityManager,
  applicationId: string,
  keyPrefix: string,
  template: TemplateKey,
  vars: (r: Recipient, language: 'nl' | 'en') => TemplateVars,
) {
  const app = await context(em, applicationId);
  for (const r of await applicantRecipients(em, app.organisationId)) {
    const language = asLanguage(r.language);
    await queueMail(em, {
      key: `${keyPrefix}:${applicationId}:${app.version}:${r.userId}`,
      template,
      language,
      recipient: r.email,
      applicationId,
      vars: {
        recipientName: r.name,
        organisation: app.organisation,
        programme: app.programme,
        link: links.application(applicationId),
        ...vars(r, language),
      },
    });
  }
}

/** Called in the transaction that appends a stage event. */
export async function notifyStageChange(
  em: EntityManager,
  input: {
    applicationId: string;
    stage: string;
    firstStep: boolean;
    reasonCode?: string | null;
    reasonText?: string | null;
  },
): Promise<void> {
  if (input.firstStep)
    return toApplicants(em, input.applicationId, 'received', 'APPLICATION_RECEIVED', () => ({}));
  if (input.stage === 'APPROVED')
    await toApplicants(em, input.applicationId, 'decision', 'APPLICATION_APPROVED', () => ({}));
  if (input.stage === 'REJECTED')
    await toApplicants(em, input.applicationId, 'decision', 'APPLICATION_REJECTED', (_r, lang) => ({
      reason: REJECTION_REASON_LABELS[lang][input.reasonCode ?? 'OTHER'] ?? input.reasonCode ?? '',
      reasonText: input.reasonText?.trim() || null,
    }));
  const moment = SURVEY_MOMENT_OF_STAGE[input.stage];
  if (moment) await inviteToSurveys(em, input.applicationId, moment);
}

/** The steps (trajectory stage keys) at which the surveys of a moment invite the applicant. */
const SURVEY_MOMENT_OF_STAGE: Record<string, 'AFTER_APPROVAL' | 'AFTER_COMPLETION'> = {
  APPROVED: 'AFTER_APPROVAL',
  COMPLETED: 'AFTER_COMPLETION',
};

/**
 * Published, not yet closed surveys of the application's programme (all calls or its call) for
 * this moment: one invitation per survey and organisation, in the stage change's transaction.
 */
async function inviteToSurveys(
  em: EntityManager,
  applicationId: string,
  moment: 'AFTER_APPROVAL' | 'AFTER_COMPLETION',
): Promise<void> {
  const surveys = (await em.query(
    `SELECT s.id, a.organisation_id AS "organisationId"
       FROM application a JOIN survey s ON s.programme_id = a.programme_id
      WHERE a.id = $1 AND s.status = 'PUBLISHED' AND s.moment = $2
        AND (s.edition_id IS NULL OR s.edition_id = a.edition_id)
        AND (s.closes_on IS NULL OR s.closes_on >= $3)
      ORDER BY s.opens_on, s.id`,
    [applicationId, moment, todayInBrussels()],
  )) as { id: string; organisationId: string }[];
  for (const s of surveys)
    await sendSurveyInvitation(em, {
      organisationId: s.organisationId,
      surveyId: s.id,
      applicationId,
    });
}

/** Called in the transaction that assigns the coach. */
export async function notifyCoachAssigned(
  em: EntityManager,
  applicationId: string,
  coachId: string,
): Promise<void> {
  const [coach] = (await em.query(
    `SELECT c.full_name AS name, c.email, c.phone, sp.name AS provider
       FROM coach c JOIN organisation sp ON sp.id = c.service_provider_id WHERE c.id = $1`,
    [coachId],
  )) as { name: string; email: string | null; phone: string | null; provider: string }[];
  await toApplicants(em, applicationId, 'coach', 'COACH_ASSIGNED', () => ({
    coachName: coach!.name,
    coachProvider: coach!.provider,
    coachEmail: coach!.email,
    coachPhone: coach!.phone,
  }));
}

/** Survey invitation to everyone acting for an organisation; once per survey and organisation. */
export async function sendSurveyInvitation(
  em: EntityManager,
  input: { organisationId: string; surveyId: string; applicationId?: string | null },
): Promise<number> {
  const [s] = (await em.query(
    `SELECT s.title, p.key AS "programmeKey", o.name AS organisation
       FROM survey s JOIN programme p ON p.id = s.programme_id, organisation o
      WHERE s.id = $1 AND o.id = $2`,
    [input.surveyId, input.organisationId],
  )) as { title: string; programmeKey: string; organisation: string }[];
  if (!s) return 0;
  const recipients = await applicantRecipients(em, input.organisationId);
  for (const r of recipients) {
    await queueMail(em, {
      key: `survey:${input.surveyId}:${input.organisationId}:${r.userId}`,
      template: 'SURVEY_INVITATION',
      language: r.language,
      recipient: r.email,
      applicationId: input.applicationId ?? null,
      vars: {
        recipientName: r.name,
        organisation: s.organisation,
        survey: s.title,
        link: links.survey(s.programmeKey, input.surveyId),
      },
    });
  }
  return recipients.length;
}
