import { act, screen, waitFor } from '@testing-library/react';
import { createFakeApi } from '@werkgezond/graphql-client/testing';
import { describe, expect, it } from 'vitest';
import { mount } from './mount';
import { analyst, generalFigures, headlines, programmes } from './test/fixtures';

describe('mount (the contract with the shell)', () => {
  it('renders into the element under the base path and cleans up on unmount', async () => {
    window.history.pushState({}, '', '/analyse');
    const { client } = createFakeApi({
      AnalyticsProgrammes: programmes,
      ProgrammeHeadlines: headlines,
      GeneralPublishedFigures: generalFigures,
    });
    const element = document.createElement('div');
    document.body.append(element);
    let unmount = () => {};
    act(() => {
      unmount = mount(element, {
        client,
        locale: 'nl-BE',
        viewer: analyst,
        basePath: '/analyse',
      });
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: "Overzicht van de programma's" }),
    ).toBeInTheDocument();
    act(() => unmount());
    await waitFor(() => expect(element).toBeEmptyDOMElement());
  });
});
