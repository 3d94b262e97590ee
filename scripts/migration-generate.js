// npm run migration:generate -- AddPolls  → libs/core/src/database/migrations/<ts>-AddPolls.ts
// Then add the class to libs/core/src/database/migrations/index.ts.
const { execFileSync } = require('node:child_process');

const name = process.argv[2];
if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
  console.error('usage: npm run migration:generate -- <PascalCaseName>');
  process.exit(1);
}
execFileSync(
  'npx',
  [
    'typeorm-ts-node-commonjs',
    '-d',
    'apps/migrate/src/typeorm-cli.data-source.ts',
    'migration:generate',
    `libs/core/src/database/migrations/${name}`,
    '--pretty',
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: '1',
      TS_NODE_PROJECT: 'tsconfig.json',
      NODE_OPTIONS: '-r tsconfig-paths/register',
    },
  },
);
