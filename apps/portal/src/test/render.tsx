import { render } from '@testing-library/react';
import type { AppShell_ViewerFragment } from '@werkgezond/graphql-client';
import {
  createFakeApi,
  type FakeAnswer,
  type FakeResolver,
} from '@werkgezond/graphql-client/testing';
import { PortalApp } from '../PortalApp';
import { participant } from './fixtures';

/** Renders the whole portal at a path under /portaal, against a fake API. */
export function renderPortal(
  path: string,
  resolvers: Record<string, FakeResolver | FakeAnswer>,
  options: { viewer?: AppShell_ViewerFragment; locale?: 'nl-BE' | 'en' } = {},
) {
  window.history.pushState({}, '', `/portaal${path}`);
  const api = createFakeApi(resolvers);
  const result = render(
    <PortalApp
      client={api.client}
      locale={options.locale ?? 'nl-BE'}
      viewer={options.viewer ?? participant}
      basePath="/portaal"
    />,
  );
  return { api, ...result };
}

/** The calls of one operation. */
export const callsOf = (
  api: { calls: { operationName: string; variables: Record<string, unknown> }[] },
  name: string,
) => api.calls.filter((c) => c.operationName === name);

/** A fake answer computed per request (wrapped so the linter does not take it for a component). */
export const answer = (resolve: FakeResolver): FakeResolver => resolve;
