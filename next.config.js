// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // ESM-only packages, so that Jest (through @swc/jest) and the build see the same code.
  transpilePackages: ["@tanstack/react-table", "@tanstack/table-core", "@tanstack/react-store", "@tanstack/store"],
};

module.exports = withNextIntl(nextConfig);
