import { describe, expect, it } from 'vitest';
import programmes from '../../test/api/programmes.json';
import { answerOrder, defaultAnswerDates, defaultAnswerStages, type StageDef } from './order';

const coaching = programmes.data.programmes.find((p) => p.key === 'gezondheidscoaches')
  ?.stages as StageDef[];

describe('answer table rows', () => {
  it('reads like the minister’s answer: rejections right after approvals', () => {
    expect(answerOrder(coaching).map((s) => s.key)).toEqual([
      'APPLIED',
      'APPROVED',
      'REJECTED',
      'STARTED',
      'WITHDRAWN',
      'COMPLETED',
      'DROPPED_OUT',
    ]);
    expect(defaultAnswerStages(coaching)).toEqual([
      'APPLIED',
      'APPROVED',
      'REJECTED',
      'STARTED',
      'COMPLETED',
    ]);
  });

  it('has a column per edition year by default', () => {
    expect(defaultAnswerDates([2019, 2017, 2018])).toEqual([
      '2017-12-31',
      '2018-12-31',
      '2019-12-31',
    ]);
  });
});
