import { render } from '@testing-library/react';
import { createFakeApi } from '@werkgezond/graphql-client/testing';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { AnalyticsApp } from '../AnalyticsApp';
import { createAnalyticsI18n } from '../i18n/i18n';
import channelOptions from './api/channel-options.json';
import followUpEffect from './api/follow-up-effect-coaching.json';
import programmes from './api/programmes.json';
import { analyst } from './fixtures';

export type Resolvers = Parameters<typeof createFakeApi>[0];

/** The whole analytics app at a URL (under /analyse) over a fake API. */
export function renderAnalyticsAt(
  url: string,
  resolvers: Resolvers,
  locale: 'nl-BE' | 'en' = 'nl-BE',
) {
  window.history.pushState({}, '', `/analyse${url}`);
  const api = createFakeApi({
    AnalyticsProgrammes: programmes,
    AnalyticsChannelOptions: channelOptions,
    AnalyticsFollowUpEffect: followUpEffect,
    ...resolvers,
  });
  const view = render(
    <AnalyticsApp client={api.client} locale={locale} viewer={analyst} basePath="/analyse" />,
  );
  return { api, view };
}

/** A component with the analytics translations (Dutch unless told). */
export function renderWithI18n(node: ReactNode, locale: 'nl-BE' | 'en' = 'nl-BE') {
  return render(<I18nextProvider i18n={createAnalyticsI18n(locale)}>{node}</I18nextProvider>);
}

/** Text without the narrow and non-breaking spaces Intl puts in numbers. */
export const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
