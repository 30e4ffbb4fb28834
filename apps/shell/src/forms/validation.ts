import { isValidKbo, normaliseKbo } from '@werkgezond/domain';

/** A problem with one field: an i18n key in the shell namespace, with its parameters. */
export interface FieldProblem {
  key: string;
  params?: Record<string, unknown>;
}

export type Problems<F extends string> = Partial<Record<F, FieldProblem>>;

// Deliberately loose: the server is the judge; this only catches typos before a round trip.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NACE = /^\d{2}(\.\d{1,3})?$/;
export const MIN_PASSWORD_LENGTH = 12;

export interface SignInValues {
  email: string;
  password: string;
}

export function validateSignIn(values: SignInValues): Problems<keyof SignInValues> {
  const problems: Problems<keyof SignInValues> = {};
  if (!values.email.trim())
    problems.email = { key: 'validation.required', params: { field: 'signIn.email' } };
  else if (!EMAIL.test(values.email.trim())) problems.email = { key: 'validation.email' };
  if (!values.password)
    problems.password = { key: 'validation.required', params: { field: 'signIn.password' } };
  return problems;
}

export interface SignUpValues {
  organisationName: string;
  kboNumber: string;
  employeeCount: string;
  municipality: string;
  province: string;
  naceCode: string;
  hasPreventionCommittee: boolean;
  displayName: string;
  email: string;
  password: string;
}

export const EMPTY_SIGN_UP: SignUpValues = {
  organisationName: '',
  kboNumber: '',
  employeeCount: '',
  municipality: '',
  province: '',
  naceCode: '',
  hasPreventionCommittee: false,
  displayName: '',
  email: '',
  password: '',
};

/** The KBO check of @werkgezond/domain, the same rule the API applies again. */
export function kboProblem(input: string): FieldProblem | undefined {
  if (!input.trim()) return { key: 'validation.required', params: { field: 'signUp.kboNumber' } };
  if (normaliseKbo(input) === null) return { key: 'validation.kboShape' };
  if (!isValidKbo(input)) return { key: 'validation.kboChecksum' };
  return undefined;
}

export function validateSignUp(values: SignUpValues): Problems<keyof SignUpValues> {
  const problems: Problems<keyof SignUpValues> = {};
  if (values.organisationName.trim().length < 2)
    problems.organisationName = { key: 'validation.organisationName' };
  const kbo = kboProblem(values.kboNumber);
  if (kbo) problems.kboNumber = kbo;
  const employees = values.employeeCount.trim();
  if (!/^\d+$/.test(employees) || Number(employees) > 1_000_000)
    problems.employeeCount = { key: 'validation.employeeCount' };
  if (values.naceCode.trim() && !NACE.test(values.naceCode.trim()))
    problems.naceCode = { key: 'validation.naceCode' };
  if (!values.displayName.trim()) {
    problems.displayName = { key: 'validation.required', params: { field: 'signUp.displayName' } };
  }
  if (!values.email.trim())
    problems.email = { key: 'validation.required', params: { field: 'signUp.email' } };
  else if (!EMAIL.test(values.email.trim())) problems.email = { key: 'validation.email' };
  if (values.password.length < MIN_PASSWORD_LENGTH)
    problems.password = { key: 'validation.passwordLength' };
  return problems;
}

/** Empty optional text becomes null; the KBO number is sent in its ten-digit form. */
export function toSignUpInput(values: SignUpValues) {
  const optional = (value: string) => (value.trim() ? value.trim() : null);
  return {
    organisationName: values.organisationName.trim(),
    kboNumber: normaliseKbo(values.kboNumber) ?? values.kboNumber.trim(),
    employeeCount: Number(values.employeeCount.trim()),
    municipality: optional(values.municipality),
    province: optional(values.province),
    naceCode: optional(values.naceCode),
    hasPreventionCommittee: values.hasPreventionCommittee,
    displayName: values.displayName.trim(),
    email: values.email.trim(),
    password: values.password,
  };
}
