import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      ".reports/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // House style: only lib/server (and the tooling that runs beside it) touches the database client.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/server/**", "lib/db.ts", "lib/cli/**", "lib/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/db",
                "**/lib/db",
                "@prisma/client",
                "@/lib/generated/**",
                "**/generated/prisma/**",
              ],
              message: "Database access lives in lib/server only.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
