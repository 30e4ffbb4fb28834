import { makeKbo } from '@werkgezond/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../test/harness.js';
import { research } from '../test/research-client.js';

let server: TestServer;
let own: { cookie: string; organisationId: string; applicationId: string };
let admin: string;
let analyst: string;

const SIGN_UP = 'mutation ($input: SignUpInput!) { signUp(input: $input) { organisation { id } } }';
const signUpInput = (tag: string) => ({
  email: `guard-${tag}-${Date.now()}@example.be`,
  password: 'een-lang-wachtwoord',
  displayName: 'Guard Tester',
  kboNumber: makeKbo(18_000_000 + ((Date.now() + tag.length * 7919) % 999_999)),
  organisationName: 'Guard BV',
  employeeCount: 8,
  hasPreventionCommittee: false,
});

beforeAll(async () => {
  server = await startTestServer();
  admin = (await server.signIn(DEMO.admin)).cookie;
  analyst = (await server.signIn(DEMO.analyst)).cookie;
  const input = signUpInput('own');
  const res = await server.gql<{ signUp: { organisation: { id: string } } }>(SIGN_UP, { input });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  const { cookie } = await server.signIn(input.email, input.password);
  const draft = await server.gql<{ saveApplicationDraft: { id: string } }>(
    `mutation ($input: ApplicationDraftInput!) { saveApplicationDraft(input: $input) { id } }`,
    {
      input: {
        programmeKey: 'nv-gezond',
        organisationId: res.data.signUp.organisation.id,
        registrationType: 'INDIVIDUAL',
      },
    },
    { cookie },
  );
  if (!draft.data) throw new Error(JSON.stringify(draft.errors));
  own = {
    cookie,
    organisationId: res.data.signUp.organisation.id,
    applicationId: draft.data.saveApplicationDraft.id,
  };
});
afterAll(() => server.close());

const count = async (sql: string, params: unknown[]) =>
  Number((await server.dataSource.query(sql, params))[0].n);

describe('strings PostgreSQL cannot store are refused before anything runs', () => {
  it('a NUL in a literal argument: BAD_USER_INPUT naming it (the analytics of the issue)', async () => {
    const budget = await server.gql(
      '{ budget(programmeKey: "\\u0000", year: 2018) { allocatedCents } }',
      {},
      { cookie: analyst },
    );
    expect(budget.status).toBe(400);
    expect(budget.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'programmeKey',
      problem: 'NUL',
    });
    const drop = await server.gql(
      '{ dropOffReasons(programmeKey: "gezondheidscoaches", stage: "\\u0000") { left } }',
      {},
      { cookie: analyst },
    );
    expect(drop.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stage' });
  });

  it('sign-up with a NUL or a lone surrogate in a variable writes no user and no organisation', async () => {
    for (const [field, value] of [
      ['displayName', 'Jan\u0000'],
      ['organisationName', 'Bakkerij \uD800'],
      ['email', `x\u0000${Date.now()}@example.be`],
    ] as const) {
      const input = { ...signUpInput(field), [field]: value };
      const res = await server.gql(SIGN_UP, { input });
      expect(res.errors?.[0]?.extensions, field).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: `input.${field}`,
      });
      expect(res.data ?? null).toBeNull();
      expect(
        await count('SELECT count(*) AS n FROM organisation WHERE kbo_number = $1', [
          input.kboNumber,
        ]),
      ).toBe(0);
      expect(
        await count('SELECT count(*) AS n FROM app_user WHERE email = $1', [
          input.email.replace('\u0000', ''),
        ]),
      ).toBe(0);
    }
  });

  it('a profile change, a draft and a research key with such strings change nothing', async () => {
    const before = await server.dataSource.query(
      'SELECT name, municipality FROM organisation WHERE id = $1',
      [own.organisationId],
    );
    const profile = await server.gql(
      `mutation ($input: OrganisationProfileInput!) { updateOrganisationProfile(input: $input) { id } }`,
      {
        input: {
          organisationId: own.organisationId,
          name: 'Nieuwe Naam BV',
          municipality: 'Kortrijk\u0000',
          hasPreventionCommittee: true,
        },
      },
      { cookie: own.cookie },
    );
    expect(profile.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.municipality',
    });
    expect(
      await server.dataSource.query('SELECT name, municipality FROM organisation WHERE id = $1', [
        own.organisationId,
      ]),
    ).toEqual(before);

    const apps = await count('SELECT count(*) AS n FROM application WHERE organisation_id = $1', [
      own.organisationId,
    ]);
    const draft = await server.gql(
      `mutation { saveApplicationDraft(input: { programmeKey: "gezondheidscoaches", organisationId: "${own.organisationId}",
        registrationType: INDIVIDUAL, idempotencyKey: "abcdefgh\\u0000" }) { id } }`,
      {},
      { cookie: own.cookie },
    );
    expect(draft.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.idempotencyKey',
    });
    expect(
      await count('SELECT count(*) AS n FROM application WHERE organisation_id = $1', [
        own.organisationId,
      ]),
    ).toBe(apps);

    const keys = await count('SELECT count(*) AS n FROM research_api_key', []);
    const key = await server.gql(
      'mutation ($name: String!) { createResearchApiKey(input: { name: $name }) { key } }',
      { name: 'Universiteit \uDC00 Gent' },
      { cookie: admin },
    );
    expect(key.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
      problem: 'LONE_SURROGATE',
    });
    expect(await count('SELECT count(*) AS n FROM research_api_key', [])).toBe(keys);
  });

  it('the research endpoint refuses them too, naming the nested field', async () => {
    const res = await research(
      server,
      'query ($p: String!) { funnel(input: { programmeKey: $p, years: [2017] }) { threshold } }',
      {
        variables: { p: 'gezondheidscoaches\u0000' },
      },
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.programmeKey',
    });
    // Refused before pricing: it costs nothing from the key's budget.
    expect(res.extensions?.cost).toMatchObject({ requested: 0 });
    const literal = await research(
      server,
      '{ funnel(input: { programmeKey: "\\u0000" }) { threshold } }',
    );
    expect(literal.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.programmeKey',
    });
    const remaining = (r: typeof res) => (r.extensions!.cost as { remaining: number }).remaining;
    expect(remaining(literal)).toBe(remaining(res));
  });

  it('an attachment whose file name holds a NUL is refused and nothing is stored', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    /** A multipart body by hand: the file name parameter exactly as given. */
    const upload = (disposition: string) =>
      fetch(`${server.url}/api/applications/${own.applicationId}/attachments`, {
        method: 'POST',
        headers: {
          cookie: own.cookie,
          'x-werkgezond-csrf': '1',
          'content-type': 'multipart/form-data; boundary=grens',
        },
        body: Buffer.concat([
          Buffer.from(
            `--grens\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\n` +
              'Content-Type: application/pdf\r\n\r\n',
          ),
          pdf,
          Buffer.from('\r\n--grens--\r\n'),
        ]),
      });
    const stored = () =>
      count('SELECT count(*) AS n FROM attachment WHERE application_id = $1', [own.applicationId]);
    // RFC 5987 encoding carries a NUL into the decoded name: the guard names the field.
    const encoded = await upload("filename*=UTF-8''plan%00.pdf");
    expect(encoded.status).toBe(400);
    expect(await encoded.json()).toMatchObject({
      error: { code: 'BAD_USER_INPUT', field: 'file.name' },
    });
    // A raw NUL byte makes the part header malformed: refused as bad input, not a 500.
    const raw = await upload('filename="plan\u0000.pdf"');
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    expect(await stored()).toBe(0);
    // The same file under a clean (UTF-8) name is stored, with the name intact.
    const ok = await upload('filename="actieplan-één.pdf"');
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { fileName: string }).fileName).toBe('actieplan-één.pdf');
    expect(await stored()).toBe(1);
  });
});
