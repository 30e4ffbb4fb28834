import 'reflect-metadata';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
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
