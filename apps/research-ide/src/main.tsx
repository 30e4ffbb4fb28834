import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** Same origin as the page: the API serves this IDE at /research. */
const fetcher = createGraphiQLFetcher({ url: `${window.location.origin}/research/graphql` });

const DEFAULT_QUERY = `# Werkgezond research API: aggregates only, under disclosure control.
#
# Put your key in the Headers tab below: {"Authorization": "Bearer <key>"}.
# The demo dataset ships the key wg_demo_research_key (filled in already).
# A dry run (only the cost, nothing spent): add "x-dry-run": "1" to the headers.
# Every answer carries extensions.cost: requested, remaining and resetAt.
# Guide: docs/research-api.md in the repository.

query CompaniesByProvinceAndSize {
  disclosurePolicy { threshold }
  aggregate(measures: [APPLICATIONS, COMPANIES], dimensions: [PROVINCE, SIZE_CLASS]) {
    total { companies { value } }
    groups {
      values { dimension key label }
      companies { value suppressed reason }
    }
  }
}
`;

const DEFAULT_HEADERS = JSON.stringify({ Authorization: 'Bearer wg_demo_research_key' }, null, 2);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={DEFAULT_QUERY}
      defaultHeaders={DEFAULT_HEADERS}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
