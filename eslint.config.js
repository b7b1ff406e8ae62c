import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["lib/", "node_modules/", "coverage/", ".data/", ".bench-build/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-nested-ternary": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Use named exports (src/index.ts is Probot's entry point)." },
      ],
    },
  },
  { files: ["src/index.ts", "*.config.js", "eslint.config.js", "jest.config.js"], rules: { "no-restricted-syntax": "off" } },
  // jest loads its global setup and teardown by their default export
  { files: ["test/global-*.js"], rules: { "no-restricted-syntax": "off" } },
  { files: ["scripts/**/*.mjs"], languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly" } } },
);
