import 'reflect-metadata';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { PRELOADED_FIELDS } from './preloaded.js';
import { getSchema } from './schema.js';

/**
 * Hot object types (a list page, its nodes, the viewer) are declared `simpleResolvers`: their
 * plain fields are read straight from the object instead of through type-graphql's per-field
 * middleware chain, which costs an allocation and a call for every scalar of every row. That
 * chain is also where a field's `@Authorized` or `@UseMiddleware` would run, so such a field
 * must never sit on a simple type: its check would be skipped silently.
 */
describe('simpleResolvers types', () => {
  it('hold no field with its own authorization or middleware', async () => {
    await getSchema();
    const storage = getMetadataStorage();
    const simple = storage.objectTypes.filter((t) => t.simpleResolvers);
    expect(simple.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Application', 'Organisation', 'Programme', 'Stage', 'Viewer']),
    );
    const targets = new Set<unknown>(simple.map((t) => t.target));
    // A field resolver (@FieldResolver in a resolver class) keeps its checks: only plain fields
    // of the types themselves are affected.
    const guarded = [
      ...storage.authorizedFields.map((f) => ({ target: f.target, field: f.fieldName })),
      ...storage.middlewares.map((m) => ({ target: m.target, field: m.fieldName })),
    ].filter((f) => targets.has(f.target));
    expect(guarded).toEqual([]);
  });
});

describe('preloaded fields', () => {
  it('have no authorization or middleware on their field resolvers (answerPreloaded skips them)', async () => {
    await getSchema();
    const storage = getMetadataStorage();
    const guarded = new Set(
      [...storage.authorizedFields, ...storage.middlewares].map(
        (f) => `${f.target.name}.${f.fieldName}`,
      ),
    );
    for (const [typeName, names] of Object.entries(PRELOADED_FIELDS)) {
      for (const name of names) {
        const declared = storage.fieldResolvers.filter(
          (r) => r.schemaName === name && r.getObjectType?.().name === typeName,
        );
        expect(declared, `${typeName}.${name}`).toHaveLength(1);
        expect(guarded).not.toContain(`${declared[0]!.target.name}.${declared[0]!.methodName}`);
      }
    }
  });

  it('are answered from what the page fetched, without the field resolver', async () => {
    const fields = (await getSchema()).getType('Application') as GraphQLObjectType;
    const resolve = (field: string, source: object) =>
      fields.getFields()[field]!.resolve!(source, {}, {}, {} as GraphQLResolveInfo);
    const organisation = { id: 'o1', name: 'Bakkerij' };
    // No loaders in the context: the declared resolvers would fail here.
    expect(resolve('organisation', { preloaded: { organisation } })).toBe(organisation);
    expect(resolve('currentStage', { preloaded: { currentStage: null } })).toBeNull();
    await expect(
      (async () => resolve('programme', { programmeId: 'p1', preloaded: {} }))(),
    ).rejects.toThrow();
  });
});
