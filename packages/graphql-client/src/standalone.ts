import { createApolloClient } from './client';
import { apiErrors } from './errors';
import { type AppShell_ViewerFragment, SignInDocument, ViewerDocument } from './generated/graphql';
import type { MountLocale, RemoteMount } from './mount';

export interface StandaloneOptions {
  /** The remote's mount function, as the shell would load it. */
  mount: RemoteMount;
  /** Where the remote routes, e.g. "/portal" (its Vite base without the trailing slash). */
  basePath: string;
  locale: MountLocale;
  /** The element to mount into (default #root). */
  element?: HTMLElement;
  /** GraphQL endpoint; the remote's Vite dev server proxies /graphql to the API. */
  uri?: string;
}

/**
 * Development only: runs a remote on its own, the way the shell would host it. It creates its
 * own Apollo Client, checks the session and, when nobody is signed in, shows a bare sign-in
 * form (plain DOM: the real one belongs to the shell) before calling `mount`.
 */
export async function runStandalone({
  mount,
  basePath,
  locale,
  element = document.getElementById('root') ?? document.body,
  uri = '/graphql',
}: StandaloneOptions): Promise<void> {
  const client = createApolloClient({ uri });
  const start = (viewer: AppShell_ViewerFragment) => {
    element.replaceChildren();
    mount(element, { client, locale, viewer, basePath });
  };
  try {
    const { data } = await client.query({ query: ViewerDocument, fetchPolicy: 'network-only' });
    if (data?.viewer) return start(data.viewer);
  } catch (error) {
    element.textContent = `The API at ${uri} did not answer (is it running on :4000?): ${String(error)}`;
    return;
  }
  element.replaceChildren(
    signInForm(async (email, password) => {
      try {
        const { data } = await client.mutate({
          mutation: SignInDocument,
          variables: { input: { email, password } },
        });
        if (data) start(data.signIn);
        return null;
      } catch (error) {
        return apiErrors(error)[0]?.message ?? String(error);
      }
    }),
  );
}

function signInForm(
  submit: (email: string, password: string) => Promise<string | null>,
): HTMLElement {
  const form = document.createElement('form');
  form.className = 'wg-main wg-auth';
  form.innerHTML = `
    <h1>Standalone development sign-in</h1>
    <p>This remote normally runs inside the shell. Sign in with a demo account.</p>
    <div class="wg-field"><label class="wg-field__label" for="dev-email">E-mail</label>
      <input class="wg-field__input" id="dev-email" name="email" type="email" autocomplete="username"
        value="deelnemer@demo.werkgezond.be" /></div>
    <div class="wg-field"><label class="wg-field__label" for="dev-password">Password</label>
      <input class="wg-field__input" id="dev-password" name="password" type="password"
        autocomplete="current-password" value="werkgezond-demo" /></div>
    <p role="alert" class="wg-field__error"></p>
    <button class="wg-button wg-button--primary" type="submit">Sign in</button>`;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const fields = new FormData(form);
    const alert = form.querySelector('[role=alert]');
    void submit(String(fields.get('email')), String(fields.get('password'))).then((problem) => {
      if (alert) alert.textContent = problem ?? '';
    });
  });
  return form;
}
