// Four tiers, told apart by where a test lives (run one with `npm run test:<tier>`):
// - unit: `src/**/*.test.ts`, beside the code. No database, Redis or child process; at most an
//   in-process loopback server. Runs in parallel.
// - e2e: `test/**/*.test.ts` except test/browser and test/cluster: the app through Probot, the stores
//   on PGlite and PostgreSQL, Redis, the CLI binary. Each file has its own in-memory database,
//   PostgreSQL schema, ports and temporary directories, so the files run in parallel too.
// - browser: `test/browser/`, pages driven in headless Chromium through Playwright (playwright-core
//   and Debian's /usr/bin/chromium, or CHROMIUM_PATH): one browser per file, one file at a time. A
//   Chromium that is missing or does not start fails the tier, saying how to install it; it never skips.
// - cluster: `test/cluster/`, real app processes sharing PostgreSQL: alone, last.

const common = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  extensionsToTreatAsEsm: [".ts", ".tsx"],
  // NodeNext requires ".js" in relative imports; map them back to the .ts source for jest
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }],
  },
};

/** @type {import('jest').Config} */
export default {
  testTimeout: 30000,
  projects: [
    { ...common, displayName: "unit", roots: ["<rootDir>/src"] },
    {
      ...common,
      displayName: "e2e",
      roots: ["<rootDir>/test"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/", "<rootDir>/test/cluster/"],
      // A temporary directory for the run's migrated PGlite template (test/helpers/pglite-template.ts)
      globalSetup: "<rootDir>/test/global-setup.js",
      globalTeardown: "<rootDir>/test/global-teardown.js",
    },
    { ...common, displayName: "browser", roots: ["<rootDir>/test/browser"] },
    { ...common, displayName: "cluster", roots: ["<rootDir>/test/cluster"] },
  ],
};
