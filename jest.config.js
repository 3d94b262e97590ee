// Two projects: unit specs beside the code, e2e specs in test/ against real PostgreSQL + Redis.
const paths = ['core', 'users', 'auth', 'posts', 'polls', 'notifications', 'analytics', 'social-graph', 'feed'];
const moduleNameMapper = Object.fromEntries(
  paths.map((lib) => [`^@nexus/${lib}(|/.*)$`, `<rootDir>/libs/${lib}/src$1`]),
);
// Full-program ts-jest (not isolatedModules) so the Swagger plugin sees return types.
const transform = {
  '^.+\\.ts$': [
    'ts-jest',
    {
      tsconfig: '<rootDir>/tsconfig.spec.json',
      astTransformers: { before: ['<rootDir>/test/support/swagger-plugin.js'] },
    },
  ],
};
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['js', 'json', 'ts'],
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
};

module.exports = {
  cacheDirectory: '<rootDir>/.jest-cache',
  // A leaked Redis/BullMQ handle must never hang CI; every app is still closed in afterAll.
  forceExit: true,
  // Global option (a project-level testTimeout is ignored): app boots and child processes are slow on a cold cache.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/apps/', '<rootDir>/libs/'],
      testRegex: '.*\\.spec\\.ts$',
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test/'],
      testRegex: '.*\\.e2e-spec\\.ts$',
      testTimeout: 60000,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/setup-env.ts'],
    },
  ],
};
