// Browser entry of the GraphQL IDE served at GET /graphql. scripts/build-ide.js bundles it with
// esbuild into dist/ide (React, GraphiQL 5, Monaco and its workers): nothing loads from a CDN.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { exampleTabs } from './example-tabs.mjs';

const assets = document.documentElement.dataset.assets;

// Monaco asks for one worker per language; each is its own bundle next to this one.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const name = label === 'json' ? 'json' : label === 'graphql' ? 'graphql' : 'editor';
    return new Worker(`${assets}/${name}.worker.js`);
  },
};

const http = new URL('/graphql', window.location.href);
const ws = new URL(http);
ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';

// The Headers editor's JSON goes on every HTTP request and, for subscriptions, becomes the
// graphql-ws connectionParams (the API reads `Authorization` there).
const fetcher = createGraphiQLFetcher({
  url: http.href,
  subscriptionUrl: ws.href,
  enableIncrementalDelivery: false,
});

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: exampleTabs,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
  }),
);
