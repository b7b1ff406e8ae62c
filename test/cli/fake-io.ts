import type { CliIo } from "../../src/cli/cli-io.js";
import { runCli } from "../../src/cli/run-cli.js";

/** A `CliIo` over an in-memory file system, recording what was printed. */
export interface FakeIo {
  readonly io: CliIo;
  stdout(): string;
  stderr(): string;
  /** What `readStdin` resolves with from now on (empty until set, as a closed stdin). */
  setStdin(text: string): void;
  /** How many times the command read stdin. */
  stdinReads(): number;
}

/**
 * Files are keyed by absolute path; an `Error` entry is what reading that path rejects with, and a
 * missing one rejects like Node (`code: "ENOENT"`).
 */
export function createFakeIo(files: { readonly [path: string]: string | Error } = {}, cwd = "/repo"): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  let stdin = "";
  let stdinReads = 0;
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: async (path) => {
      const text = files[path];
      if (text instanceof Error) throw text;
      if (text !== undefined) return text;
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
    },
    cwd,
    env: {},
    fetch: () => Promise.reject(new Error("no network in a fake CliIo")),
    readStdin: async () => {
      stdinReads += 1;
      return stdin;
    },
  };
  return {
    io,
    stdout: () => out.join(""),
    stderr: () => err.join(""),
    setStdin(text) {
      stdin = text;
    },
    stdinReads: () => stdinReads,
  };
}

/** Runs `deliverybot <argv>` in-process over `files` (see `createFakeIo`), from `/repo`. */
export async function runWithFakeIo(argv: readonly string[], files: { readonly [path: string]: string | Error } = {}) {
  const fake = createFakeIo(files);
  const code = await runCli(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/**
 * Runs `deliverybot <command> …` in-process against a running app at `base` (`DELIVERYBOT_URL`)
 * with `token` as `ADMIN_TOKEN`; `env` adds to or unsets those.
 */
export function adminCliRunner(command: string, base: string, token: string) {
  return async (argv: readonly string[], env: Record<string, string | undefined> = {}) => {
    const fake = createFakeIo();
    const io = { ...fake.io, env: { ADMIN_TOKEN: token, DELIVERYBOT_URL: base, ...env }, fetch: globalThis.fetch };
    const code = await runCli([command, ...argv], io);
    return { code, stdout: fake.stdout(), stderr: fake.stderr() };
  };
}
