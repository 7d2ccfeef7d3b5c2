/**
 * Jest 30 with @swc/jest. tests/unit and tests/contract need no database; tests/integration (*.int.test.ts) run
 * against a real database: a temporary SQLite file, or PostgreSQL when TEST_DATABASE_PROVIDER=postgresql and
 * PG_ADMIN_URL point at a server (see tests/README.md).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j|mj)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          transform: { react: { runtime: "automatic" } },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
  },
  transformIgnorePatterns: [
    "/node_modules/(?!(@tanstack|next-intl|use-intl|better-auth|@better-auth|@better-fetch|better-call|@noble|jose|rou3|defu|nanostores|uncrypto|kysely)/)",
  ],
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    "^server-only$": "<rootDir>/tests/helpers/server-only.ts",
  },
  setupFiles: ["<rootDir>/tests/helpers/env.ts"],
  globalSetup: "<rootDir>/tests/helpers/global-setup.ts",
  globalTeardown: "<rootDir>/tests/helpers/global-teardown.ts",
  testTimeout: 60_000,
};
