// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` (run by CI before the build) checks the whole project, tests and benchmarks included;
  // checking again inside every `next build` would only slow `npm start` down.
  typescript: { ignoreBuildErrors: true },
  // The import page sends up to 1 MB of text (the importer's own limit) through a server action.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // ESM-only packages, so that Jest (through @swc/jest) and the build see the same code.
  transpilePackages: ["@tanstack/react-table", "@tanstack/table-core", "@tanstack/react-store", "@tanstack/store"],
};

module.exports = withNextIntl(nextConfig);
