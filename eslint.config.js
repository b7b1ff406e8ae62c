import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { IO_PACKAGES, LAYERS, PURE_LAYERS } from "./layers.config.js";

/** One block per folder of src/: it may import only the folders LAYERS lists for it, and never the wiring above. */
function layerRules() {
  const folders = Object.keys(LAYERS);
  return folders.map((folder) => {
    const forbidden = folders.filter((other) => other !== folder && !LAYERS[folder].includes(other));
    const patterns = [
      {
        group: ["../*.js"],
        message: `src/${folder}/ may not import the wiring at the top of src/ (see ARCHITECTURE.md).`,
      },
      ...forbidden.map((other) => ({
        group: [`../${other}/*`],
        message: `src/${folder}/ may import only ${LAYERS[folder].join(", ") || "nothing else"} (layers.config.js, ARCHITECTURE.md).`,
      })),
    ];
    if (folder !== "github") {
      patterns.push({
        group: ["probot", "@octokit/*"],
        allowTypeImports: true,
        message: "Only src/github/ talks to GitHub through Octokit; elsewhere import Probot's and Octokit's types only.",
      });
    }
    if (PURE_LAYERS.includes(folder)) {
      patterns.push({ group: IO_PACKAGES, message: `src/${folder}/ does no I/O: no Node built-ins or database clients.` });
    }
    return {
      files: [`src/${folder}/**/*.ts`, `src/${folder}/**/*.tsx`],
      ignores: ["**/*.test.ts", "**/*.test.tsx"],
      rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
    };
  });
}

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
  ...layerRules(),
  { files: ["src/index.ts", "*.config.js", "eslint.config.js", "jest.config.js"], rules: { "no-restricted-syntax": "off" } },
  // jest loads its global setup and teardown by their default export
  { files: ["test/global-*.js"], rules: { "no-restricted-syntax": "off" } },
  { files: ["scripts/**/*.mjs"], languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly" } } },
);
