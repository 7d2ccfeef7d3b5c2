import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // lib/domain is pure: no framework, no database, no I/O (see ARCHITECTURE.md).
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react-dom", "@prisma/*", "pg", "better-sqlite3", "server-only"],
              message: "lib/domain is pure TypeScript.",
            },
            {
              group: ["@/lib/data/*", "@/lib/server/*", "@/app/*", "@/lib/generated/*", "node:*", "fs", "path"],
              message: "lib/domain imports no data, server, app or I/O modules.",
            },
          ],
        },
      ],
    },
  },
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  { files: ["next.config.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    ".ci-out/**",
    "next-env.d.ts",
    "data/**",
  ]),
]);
