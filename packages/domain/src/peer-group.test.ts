import { describe, expect, it } from 'vitest';
import { choosePeerGroup } from './peer-group.js';

const groups = [
  { key: 'SIZE_AND_SECTOR', companies: 9 },
  { key: 'SIZE', companies: 10 },
  { key: 'ALL', companies: 400 },
];

describe('choosePeerGroup', () => {
  it('takes the finest group with at least the threshold, never one below it', () => {
    expect(choosePeerGroup(groups, 10)?.key).toBe('SIZE');
    expect(choosePeerGroup(groups, 9)?.key).toBe('SIZE_AND_SECTOR');
    expect(choosePeerGroup(groups, 500)).toBeNull();
  });

  it('never goes below 5 companies, whatever threshold is asked', () => {
    expect(choosePeerGroup([{ key: 'A', companies: 4 }], 1)).toBeNull();
    expect(choosePeerGroup([{ key: 'A', companies: 5 }], 1)?.key).toBe('A');
  });
});
