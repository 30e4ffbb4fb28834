import { act, screen, waitFor } from '@testing-library/react';
import { createFakeApi } from '@werkgezond/graphql-client/testing';
import { describe, expect, it } from 'vitest';
import { mount } from './mount';
import { page, participant } from './test/fixtures';

const noApplications = () => page([], 0);

describe('mount (the contract with the shell)', () => {
  it('renders into the element under the base path and cleans up on unmount', async () => {
    window.history.pushState({}, '', '/portaal');
    const { client } = createFakeApi({ MyApplications: noApplications });
    const element = document.createElement('div');
    document.body.append(element);
    let unmount = () => {};
    act(() => {
      unmount = mount(element, {
        client,
        locale: 'nl-BE',
        viewer: participant,
        basePath: '/portaal',
      });
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mijn aanvragen' }),
    ).toBeInTheDocument();
    act(() => unmount());
    await waitFor(() => expect(element).toBeEmptyDOMElement());
  });

  it('can mount again right away (a language change) without mixing roots', async () => {
    window.history.pushState({}, '', '/portaal');
    const { client } = createFakeApi({ MyApplications: noApplications });
    const element = document.createElement('div');
    document.body.append(element);
    let first = () => {};
    act(() => {
      first = mount(element, {
        client,
        locale: 'nl-BE',
        viewer: participant,
        basePath: '/portaal',
      });
    });
    await screen.findByRole('heading', { name: 'Mijn aanvragen' });
    act(() => first());
    let second = () => {};
    act(() => {
      second = mount(element, {
        client,
        locale: 'en',
        viewer: participant,
        basePath: '/portaal',
      });
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'My applications' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: 'Mijn aanvragen' })).toBeNull(),
    );
    act(() => second());
    await waitFor(() => expect(element).toBeEmptyDOMElement());
  });
});
