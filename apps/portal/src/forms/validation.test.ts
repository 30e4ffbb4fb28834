import { describe, expect, it } from 'vitest';
import { attachmentProblem } from '../components/dossierQuestions';
import { validateExpenditure } from '../manager/ExpenditurePage';
import { filtersFromParams, toApplicationFilter } from '../manager/ManagerQueuePage';
import { validateApply } from '../pages/ApplyPage';
import { validateProfile } from '../pages/ProfilePage';
import { kboProblem, newIdempotencyKey, parseEuroCents, todayInBelgium } from './validation';

describe('client-side checks', () => {
  it('KBO numbers: required, ten digits, check digits (the domain rule)', () => {
    expect(kboProblem('')?.key).toBe('validation.kboRequired');
    expect(kboProblem('', false)).toBeUndefined();
    expect(kboProblem('12345')?.key).toBe('validation.kboShape');
    expect(kboProblem('0123.456.748')?.key).toBe('validation.kboChecksum');
    expect(kboProblem('BE 0123.456.749')).toBeUndefined();
  });

  it('euro amounts as people type them, in cents', () => {
    expect(parseEuroCents('1.234,56')).toBe(123456);
    expect(parseEuroCents('1,234.56')).toBe(123456);
    expect(parseEuroCents('€ 80')).toBe(8000);
    expect(parseEuroCents('12,5')).toBe(1250);
    expect(parseEuroCents('1.250')).toBe(125000);
    expect(parseEuroCents('twaalf')).toBeNull();
    expect(parseEuroCents('-5')).toBeNull();
  });

  it("today's date is the Belgian calendar day", () => {
    expect(todayInBelgium(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('idempotency keys are fresh and in the shape the API accepts', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[\w-]{8,80}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('attachments: type and size are checked before uploading', () => {
    expect(attachmentProblem({ name: 'plan.pdf', size: 1000, type: 'application/pdf' })).toBeNull();
    expect(attachmentProblem({ name: 'foto.JPG', size: 1000, type: '' })).toBeNull();
    expect(attachmentProblem({ name: 'notities.txt', size: 10, type: 'text/plain' })).toBe(
      'dossier.fileType',
    );
    expect(
      attachmentProblem({ name: 'groot.pdf', size: 11 * 1024 * 1024, type: 'application/pdf' }),
    ).toBe('dossier.fileTooLarge');
    expect(attachmentProblem({ name: 'leeg.pdf', size: 0, type: 'application/pdf' })).toBe(
      'dossier.fileEmpty',
    );
  });

  it('apply: a draft needs less than a submission', () => {
    const values = {
      programmeKey: 'nv-gezond',
      registrationType: 'INDIVIDUAL' as const,
      channelKey: '',
      memberIds: [],
      newMembers: [],
    };
    expect(validateApply(values, { submit: false, eligible: true })).toEqual({});
    expect(Object.keys(validateApply(values, { submit: true, eligible: true }))).toEqual([
      'channelKey',
    ]);
    expect(
      validateApply({ ...values, channelKey: 'website' }, { submit: true, eligible: false })
        .programmeKey?.key,
    ).toBe('validation.notEligible');
    expect(
      validateApply(
        {
          ...values,
          registrationType: 'GROUP',
          newMembers: [
            { rowId: 'a', kboNumber: '0123456749', name: 'A' },
            { rowId: 'b', kboNumber: '0123.456.749', name: 'Bee BV' },
          ],
        },
        { submit: false, eligible: null },
      ),
    ).toEqual({
      'newMember.a.name': { key: 'validation.memberName' },
      'newMember.b.kboNumber': { key: 'validation.kboDuplicate' },
    });
  });

  it('profile: name, KBO, employees for a company, NACE shape', () => {
    const values = {
      name: 'B',
      kboNumber: '0123.456.748',
      employeeCount: '-1',
      naceCode: '1071',
      municipality: '',
      province: '',
      hasPreventionCommittee: false,
    };
    expect(Object.keys(validateProfile(values, { isCompany: true, hadKbo: true })).sort()).toEqual([
      'employeeCount',
      'kboNumber',
      'naceCode',
      'name',
    ]);
    expect(
      validateProfile(
        { ...values, name: 'Bakkerij', kboNumber: '', employeeCount: '', naceCode: '10.71' },
        { isCompany: false, hadKbo: false },
      ),
    ).toEqual({});
  });

  it('expenditure: category, positive amount, a date not in the future, a description', () => {
    const { found, cents } = validateExpenditure(
      {
        programmeKey: 'gezondheidscoaches',
        category: 'COACH_FEES',
        amount: '0',
        spentOn: '2026-12-01',
        description: 'ok',
        fundingSourceKey: '',
      },
      '2026-11-25',
    );
    expect(cents).toBe(0);
    expect(Object.keys(found).sort()).toEqual(['amount', 'description', 'spentOn']);
  });

  it('queue filters travel in the address and become the API filter', () => {
    const filters = filtersFromParams(
      new URLSearchParams(
        'programma=gezondheidscoaches&fase=APPLIED&editie=2026&kanaal=prebes&wacht=14',
      ),
    );
    expect(toApplicationFilter(filters)).toEqual({
      programmeKey: 'gezondheidscoaches',
      stages: ['APPLIED'],
      years: [2026],
      channelKeys: ['prebes'],
      waitingMoreThanDays: 14,
    });
    expect(toApplicationFilter(filtersFromParams(new URLSearchParams('wacht=abc')))).toEqual({});
  });
});
