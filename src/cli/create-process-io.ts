import { readFile } from "node:fs/promises";
import type { CliIo } from "./cli-io.js";

/** The real `CliIo`: this process's streams, file system, working directory and environment. */
export function createProcessIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, "utf8"),
    cwd: process.cwd(),
    env: process.env,
    fetch: (input, init) => fetch(input, init),
  };
}
