import { z } from 'zod';

const schema = z.object({
  /** smtp://user:pass@host:port or smtps://…; unset: messages are kept (status KEPT) and logged. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Werkgezond <no-reply@werkgezond.be>'),
  /** Base of the links in messages. */
  PUBLIC_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().default(4000),
});

export interface MailConfig {
  smtpUrl: string | null;
  from: string;
  publicUrl: string;
}

/** Read at use, not at import: the send job honours the environment of the running process. */
export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const c = schema.parse({
    SMTP_URL: env.SMTP_URL || undefined,
    MAIL_FROM: env.MAIL_FROM || undefined,
    PUBLIC_URL: env.PUBLIC_URL || undefined,
    PORT: env.PORT || undefined,
  });
  return {
    smtpUrl: c.SMTP_URL ?? null,
    from: c.MAIL_FROM,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
  };
}

/** Links into the shell's routes. */
export const links = {
  application: (id: string) => `${mailConfig().publicUrl}/portaal/aanvragen/${id}`,
  /** A shell path such as the invitation's `/uitnodiging?token=…`. */
  path: (path: string) => `${mailConfig().publicUrl}${path}`,
  survey: (programmeKey: string, surveyId: string) =>
    `${mailConfig().publicUrl}/portaal/bevragingen/${programmeKey}/${surveyId}`,
};
