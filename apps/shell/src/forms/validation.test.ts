import { describe, expect, it } from 'vitest';
import {
  EMPTY_SIGN_UP,
  kboProblem,
  toSignUpInput,
  validateSignIn,
  validateSignUp,
} from './validation';

const valid = {
  ...EMPTY_SIGN_UP,
  organisationName: 'Bakkerij De Zon',
  kboNumber: '0123.456.749',
  employeeCount: '12',
  displayName: 'An Peeters',
  email: 'an@bakkerij.be',
  password: 'een lang wachtwoord',
};

describe('sign-in validation', () => {
  it('asks for both fields and a plausible e-mail address', () => {
    expect(validateSignIn({ email: '', password: '' })).toEqual({
      email: { key: 'validation.required', params: { field: 'signIn.email' } },
      password: { key: 'validation.required', params: { field: 'signIn.password' } },
    });
    expect(validateSignIn({ email: 'an@', password: 'x' })).toEqual({
      email: { key: 'validation.email' },
    });
    expect(validateSignIn({ email: ' an@bakkerij.be ', password: 'x' })).toEqual({});
  });
});

describe('sign-up validation', () => {
  it('accepts a complete company', () => {
    expect(validateSignUp(valid)).toEqual({});
  });

  it('checks the KBO number with the domain rule: shape, then check digits', () => {
    expect(kboProblem('')?.key).toBe('validation.required');
    expect(kboProblem('12345')?.key).toBe('validation.kboShape');
    expect(kboProblem('0123.456.748')?.key).toBe('validation.kboChecksum');
    expect(kboProblem('BE 0123 456 749')).toBeUndefined();
    expect(kboProblem('123456749')).toBeUndefined(); // nine digits of before 2005
  });

  it('reports each problem on its own field', () => {
    const problems = validateSignUp({
      ...valid,
      employeeCount: '-3',
      naceCode: '10-71',
      password: 'kort',
      email: 'x',
    });
    expect(Object.keys(problems).sort()).toEqual([
      'email',
      'employeeCount',
      'naceCode',
      'password',
    ]);
  });

  it('sends the ten-digit KBO number and nulls for empty optional fields', () => {
    expect(
      toSignUpInput({ ...valid, kboNumber: 'BE 0123.456.749', municipality: ' ' }),
    ).toMatchObject({
      kboNumber: '0123456749',
      employeeCount: 12,
      municipality: null,
      province: null,
      naceCode: null,
    });
  });
});
