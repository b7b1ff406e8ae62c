import { execFile } from "node:child_process";
import { join } from "node:path";

/** The checkout's root. */
export const REPO_ROOT = join(import.meta.dirname, "..", "..");

/**
 * Runs `npm run build` (TypeScript → `lib/`) and resolves with the entry point production runs,
 * `lib/main.js`; rejects with the compiler's output when the build fails.
 */
export function buildApp(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("npm", ["run", "build"], { cwd: REPO_ROOT, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error === null) resolve(join(REPO_ROOT, "lib", "main.js"));
      else reject(new Error(`npm run build failed (${error.message}):\n${stdout}${stderr}`));
    });
  });
}
