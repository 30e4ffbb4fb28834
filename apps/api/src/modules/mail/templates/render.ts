import { type Language, TEMPLATES, type TemplateKey, type TemplateVars } from './catalogue.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const FOOTER: Record<Language, string> = {
  nl: 'Werkgezond: gezond werken in Vlaamse kmo’s. U ontvangt dit bericht omdat uw onderneming deelneemt aan een programma.',
  en: 'Werkgezond: healthy work in Flemish SMEs. You receive this message because your company takes part in a programme.',
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Plain text and HTML from one template: the same paragraphs, the same link. */
export function renderMail(
  template: TemplateKey,
  language: Language,
  vars: TemplateVars,
): RenderedMail {
  const t = TEMPLATES[template][language](vars);
  const text = [
    ...t.paragraphs,
    ...(vars.link ? [`${t.action ?? ''}: ${vars.link}`.replace(/^: /, '')] : []),
    '--',
    FOOTER[language],
  ].join('\n\n');
  const html = [
    `<!doctype html><html lang="${language === 'nl' ? 'nl-BE' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(t.subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2933">',
    ...t.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    ...(vars.link
      ? [
          `<p><a href="${escapeHtml(vars.link)}" style="color:#0b5394">${escapeHtml(t.action ?? vars.link)}</a></p>`,
        ]
      : []),
    `<hr><p style="font-size:0.85em;color:#52606d">${escapeHtml(FOOTER[language])}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: t.subject, text, html };
}
