import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates typed document nodes from the committed schema file (never a running server) and
 * the operations in src/operations. `codegen:check` points CODEGEN_OUT at a temporary folder
 * and compares, so CI fails when src/generated drifts from the schema or the operations.
 */
const out = process.env.CODEGEN_OUT ?? 'src/generated/';

const config: CodegenConfig = {
  schema: '../../apps/api/schema.graphql',
  documents: ['src/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  silent: true,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        defaultScalarType: 'unknown',
        scalars: {
          DateTimeISO: 'string',
          Date: 'string',
        },
      },
    },
  },
};

export default config;
