import { act, render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { funnelSpec } from './specs';
import { useSearchState } from './useSearchState';

type Api = {
  state: ReturnType<typeof useSearchState<typeof funnelSpec>>[0];
  set: ReturnType<typeof useSearchState<typeof funnelSpec>>[1];
  search: string;
};

function Probe({ onRender }: { onRender: (api: Api) => void }) {
  const [state, set] = useSearchState(funnelSpec);
  const location = useLocation();
  onRender({ state, set, search: location.search });
  return null;
}

function renderAt(url: string) {
  let api: Api | undefined;
  render(
    <MemoryRouter initialEntries={[url]}>
      <Probe onRender={(a) => (api = a)} />
    </MemoryRouter>,
  );
  return () => api as Api;
}

describe('useSearchState', () => {
  it('reads the filters from the URL', () => {
    const api = renderAt(
      '/trechter?programme=gezondheidscoaches&asOf=2019-07-31&unit=COMPANIES&breakdown=EDITION&committee=no',
    );
    expect(api().state).toMatchObject({
      programme: 'gezondheidscoaches',
      asOf: '2019-07-31',
      unit: 'COMPANIES',
      breakdown: ['EDITION'],
      committee: [false],
      years: [],
    });
  });

  it('writes a change back to the URL, in a canonical order, without defaults', () => {
    const api = renderAt('/trechter?unit=COMPANIES&programme=nv-gezond');
    act(() => api().set({ years: [2015, 2013], unit: 'APPLICATIONS' }));
    expect(api().search).toBe('?programme=nv-gezond&years=2013%2C2015');
    expect(api().state.years).toEqual([2013, 2015]);
    act(() => api().set({ asOf: '2014-12-31' }));
    expect(api().search).toBe('?programme=nv-gezond&asOf=2014-12-31&years=2013%2C2015');
  });

  it('returns the same values object while the URL does not change', () => {
    const api = renderAt('/trechter?programme=nv-gezond');
    const before = api().state;
    act(() => api().set({ programme: 'nv-gezond' }));
    expect(api().state).toBe(before);
  });
});
