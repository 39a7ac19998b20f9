// Lint for Madang. Besides the usual checks, the rules below carry the architecture
// (docs/architecture.md): which room may import which, where Prisma may be used, and the
// type-aware checks that keep promises and types honest. `npm run lint` runs it; CI too.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "tests/**", "bench/**"];

/** What the domain may not import: it takes ports, and message keys are plain data. */
const domainWalls = {
  patterns: [
    { group: ["**/routes/**", "~/routes/**"], message: "app/domain must not import routes." },
    { group: ["**/components/**", "~/components/**"], message: "app/domain must not import components." },
    { group: ["**/lib/**", "~/lib/**"], message: "app/domain must not import app/lib (edge helpers)." },
    {
      group: ["**/platform/**", "~/platform/**"],
      message: "app/domain takes ports; the platform implements them (inject from server.ts).",
    },
    { group: ["**/i18n/**", "~/i18n/**"], message: "app/domain returns message keys as data; edges localize them." },
    { group: ["**/graphql/**"], message: "app/domain must not import GraphQL." },
    { group: ["**/realtime/**"], message: "app/domain must not import realtime." },
    {
      group: ["@remix-run/*", "graphql-yoga", "@pothos/*", "graphql", "socket.io", "socket.io-client", "express"],
      message: "app/domain knows no transport.",
    },
  ],
};

/** Browser code (components, browser helpers, i18n): no server modules except types. */
const browserWalls = {
  patterns: [
    { group: ["**/graphql/**"], message: "Browser code must not import GraphQL server code.", allowTypeImports: true },
    {
      group: ["**/realtime/**", "!**/realtime/contract.ts"],
      message: "Browser code may import only realtime/contract.ts.",
      allowTypeImports: true,
    },
    {
      group: ["**/*.server", "**/*.server.ts", "**/*.server.tsx", "**/lib/server/**"],
      message: "Browser code must not import server modules.",
      allowTypeImports: true,
    },
    { group: ["**/domain/**/*.server*", "**/db/**"], message: "Browser code must not import the database.", allowTypeImports: true },
  ],
};

/** Prisma lives in app/domain, app/db and prisma/ (and tests). */
const prismaWall = {
  patterns: [
    {
      group: ["**/generated/prisma/**", "@prisma/client", "@prisma/client/*", "@prisma/adapter-pg", "pglite-prisma-adapter"],
      message: "Use the database only through app/domain (or app/db for opening it).",
      allowTypeImports: true,
    },
  ],
};

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "generated/**", "node_modules/**", ".cache/**", "data/**", ".data/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // Module augmentation (Remix's AppLoadContext) needs an interface that only extends.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
      "no-restricted-imports": ["error", prismaWall],
    },
  },
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },
  { files: ["app/domain/**"], rules: { "no-restricted-imports": ["error", domainWalls] } },
  // app/root.tsx is not listed: it is the root route, and like every route module its loader
  // may use server helpers, which the Remix compiler strips from the browser bundle.
  {
    files: ["app/components/**", "app/lib/**", "app/i18n/**", "app/entry.client.tsx"],
    ignores: ["app/lib/server/**", "**/*.server.ts", "**/*.server.tsx", ...TESTS],
    rules: { "no-restricted-imports": ["error", { patterns: [...browserWalls.patterns, ...prismaWall.patterns] }] },
  },
  { files: ["app/db/**", "prisma/**", "prisma.config.ts", ...TESTS], rules: { "no-restricted-imports": "off" } },
  { files: TESTS, rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" } },
);
