/**
 * Every e-mail the system sends, in Dutch (first) and English, in one place. A template gives
 * the subject and the paragraphs of the plain-text body; render.ts makes the HTML from the same
 * paragraphs, so the two versions never say different things.
 */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface TemplateVars {
  recipientName?: string | null;
  organisation?: string;
  programme?: string;
  link?: string;
  reason?: string;
  reasonText?: string | null;
  coachName?: string;
  coachProvider?: string;
  coachEmail?: string | null;
  coachPhone?: string | null;
  survey?: string;
  /** Reminders: the manager's (edited) text. */
  body?: string;
}

export interface TemplateText {
  subject: string;
  paragraphs: string[];
  /** Label of the button / link line. */
  action?: string;
}

type Template = Record<Language, (v: TemplateVars) => TemplateText>;

const greet = {
  nl: (v: TemplateVars) => (v.recipientName ? `Beste ${v.recipientName},` : 'Beste,'),
  en: (v: TemplateVars) => (v.recipientName ? `Dear ${v.recipientName},` : 'Hello,'),
};

export const REJECTION_REASON_LABELS: Record<Language, Record<string, string>> = {
  nl: {
    NOT_ELIGIBLE_SIZE: 'uw onderneming valt buiten de doelgroep (grootte)',
    HAS_PREVENTION_COMMITTEE: 'uw onderneming heeft al een comité voor preventie en bescherming',
    INCOMPLETE: 'de aanvraag is onvolledig',
    OTHER: 'een andere reden',
  },
  en: {
    NOT_ELIGIBLE_SIZE: 'your company is outside the target group (size)',
    HAS_PREVENTION_COMMITTEE: 'your company already has a prevention and protection committee',
    INCOMPLETE: 'the application is incomplete',
    OTHER: 'another reason',
  },
};

/** Default reminder texts, shown in the manager's form to edit. */
export const DEFAULT_REMINDER_BODY: Record<
  'REMINDER_START' | 'REMINDER_PROGRESS',
  Record<Language, (v: TemplateVars) => string>
> = {
  REMINDER_START: {
    nl: (v) =>
      `Uw aanvraag voor ${v.programme} werd goedgekeurd, maar het traject is nog niet gestart. Wij helpen u graag op weg: neem contact op met uw coach of laat ons weten wat u tegenhoudt.`,
    en: (v) =>
      `Your application for ${v.programme} was approved, but the trajectory has not started yet. We are glad to help: contact your coach or let us know what is holding you back.`,
  },
  REMINDER_PROGRESS: {
    nl: (v) =>
      `Uw traject binnen ${v.programme} loopt al een tijd zonder nieuws. Hoe gaat het? Laat ons weten of u hulp nodig hebt om verder te gaan.`,
    en: (v) =>
      `Your trajectory in ${v.programme} has been quiet for a while. How is it going? Let us know if you need help to carry on.`,
  },
};

const reminder = (kind: 'REMINDER_START' | 'REMINDER_PROGRESS'): Template => ({
  nl: (v) => ({
    subject: `Herinnering: ${v.programme}`,
    paragraphs: [greet.nl(v), ...splitBody(v.body ?? DEFAULT_REMINDER_BODY[kind].nl(v))],
    action: 'Bekijk uw aanvraag',
  }),
  en: (v) => ({
    subject: `Reminder: ${v.programme}`,
    paragraphs: [greet.en(v), ...splitBody(v.body ?? DEFAULT_REMINDER_BODY[kind].en(v))],
    action: 'View your application',
  }),
});

function splitBody(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export const TEMPLATES = {
  APPLICATION_RECEIVED: {
    nl: (v) => ({
      subject: `Aanvraag ontvangen: ${v.programme}`,
      paragraphs: [
        greet.nl(v),
        `We hebben de aanvraag van ${v.organisation} voor ${v.programme} goed ontvangen. U hoort van ons zodra er een beslissing is.`,
      ],
      action: 'Volg uw aanvraag',
    }),
    en: (v) => ({
      subject: `Application received: ${v.programme}`,
      paragraphs: [
        greet.en(v),
        `We have received the application of ${v.organisation} for ${v.programme}. You will hear from us as soon as it is decided.`,
      ],
      action: 'Follow your application',
    }),
  },
  APPLICATION_APPROVED: {
    nl: (v) => ({
      subject: `Aanvraag goedgekeurd: ${v.programme}`,
      paragraphs: [
        greet.nl(v),
        `Goed nieuws: de aanvraag van ${v.organisation} voor ${v.programme} is goedgekeurd. Een coach neemt binnenkort contact met u op om het traject te starten.`,
      ],
      action: 'Bekijk uw aanvraag',
    }),
    en: (v) => ({
      subject: `Application approved: ${v.programme}`,
      paragraphs: [
        greet.en(v),
        `Good news: the application of ${v.organisation} for ${v.programme} has been approved. A coach will contact you soon to start the trajectory.`,
      ],
      action: 'View your application',
    }),
  },
  APPLICATION_REJECTED: {
    nl: (v) => ({
      subject: `Beslissing over uw aanvraag: ${v.programme}`,
      paragraphs: [
        greet.nl(v),
        `De aanvraag van ${v.organisation} voor ${v.programme} werd helaas afgekeurd. Reden: ${v.reason}.`,
        ...(v.reasonText ? [`Toelichting: ${v.reasonText}`] : []),
      ],
      action: 'Bekijk uw aanvraag',
    }),
    en: (v) => ({
      subject: `Decision on your application: ${v.programme}`,
      paragraphs: [
        greet.en(v),
        `Unfortunately the application of ${v.organisation} for ${v.programme} was rejected. Reason: ${v.reason}.`,
        ...(v.reasonText ? [`Explanation: ${v.reasonText}`] : []),
      ],
      action: 'View your application',
    }),
  },
  COACH_ASSIGNED: {
    nl: (v) => ({
      subject: `Uw coach voor ${v.programme}`,
      paragraphs: [
        greet.nl(v),
        `${v.coachName} (${v.coachProvider}) begeleidt ${v.organisation} als gezondheidscoach.`,
        contactLine('nl', v),
      ],
      action: 'Bekijk uw aanvraag',
    }),
    en: (v) => ({
      subject: `Your coach for ${v.programme}`,
      paragraphs: [
        greet.en(v),
        `${v.coachName} (${v.coachProvider}) is the health coach of ${v.organisation}.`,
        contactLine('en', v),
      ],
      action: 'View your application',
    }),
  },
  SURVEY_INVITATION: {
    nl: (v) => ({
      subject: `Uw mening gevraagd: ${v.survey}`,
      paragraphs: [
        greet.nl(v),
        `Wilt u de bevraging "${v.survey}" voor ${v.organisation} invullen? Het duurt enkele minuten en helpt ons het programma te verbeteren.`,
      ],
      action: 'Vul de bevraging in',
    }),
    en: (v) => ({
      subject: `Your opinion please: ${v.survey}`,
      paragraphs: [
        greet.en(v),
        `Would you fill in the survey "${v.survey}" for ${v.organisation}? It takes a few minutes and helps us improve the programme.`,
      ],
      action: 'Fill in the survey',
    }),
  },
  STAFF_INVITATION: {
    nl: (v) => ({
      subject: 'Uitnodiging voor Werkgezond',
      paragraphs: [
        greet.nl(v),
        'U bent uitgenodigd om mee te werken in Werkgezond. Kies via de link hieronder een wachtwoord om uw account te activeren.',
      ],
      action: 'Activeer uw account',
    }),
    en: (v) => ({
      subject: 'Invitation to Werkgezond',
      paragraphs: [
        greet.en(v),
        'You have been invited to work in Werkgezond. Choose a password through the link below to activate your account.',
      ],
      action: 'Activate your account',
    }),
  },
  REMINDER_START: reminder('REMINDER_START'),
  REMINDER_PROGRESS: reminder('REMINDER_PROGRESS'),
} satisfies Record<string, Template>;

export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];
export const REMINDER_TEMPLATES = ['REMINDER_START', 'REMINDER_PROGRESS'] as const;
export type ReminderTemplate = (typeof REMINDER_TEMPLATES)[number];

function contactLine(lang: Language, v: TemplateVars): string {
  const ways = [v.coachEmail, v.coachPhone].filter(Boolean).join(' · ');
  if (lang === 'nl')
    return ways
      ? `U bereikt uw coach via ${ways}.`
      : `Uw coach neemt zelf contact met u op; u bereikt ${v.coachProvider} ook rechtstreeks.`;
  return ways
    ? `You can reach your coach at ${ways}.`
    : `Your coach will contact you; you can also reach ${v.coachProvider} directly.`;
}
