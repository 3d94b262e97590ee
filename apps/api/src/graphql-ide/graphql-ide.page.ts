/** Where the bundled IDE's files are served from (under /graphql so one proxy rule covers both). */
export const IDE_ASSETS_PATH = '/graphql/ide';

/**
 * The IDE page's own policy, stricter than nothing and only as loose as GraphiQL needs: Monaco
 * sets inline `style` attributes ('unsafe-inline' for styles only), its workers are same-origin
 * files, and `connect-src 'self'` covers both POST /graphql and the graphql-ws socket.
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:", // GraphiQL's CSS inlines its fonts
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A static shell: the bundle reads the asset path from data-assets and renders into #graphiql. */
export const IDE_PAGE_HTML = `<!doctype html>
<html lang="en" data-assets="${IDE_ASSETS_PATH}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Nexus GraphQL IDE</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${IDE_ASSETS_PATH}/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the GraphQL IDE…</div>
  <script type="module" src="${IDE_ASSETS_PATH}/graphiql.js"></script>
</body>
</html>
`;
