import { readFile } from "node:fs/promises";
import type { CliIo } from "./cli-io.js";

/** Standard input read past this many bytes is cut there: one line is expected. */
const MAX_STDIN_BYTES = 64 * 1024;

/** The real `CliIo`: this process's streams, file system, working directory and environment. */
export function createProcessIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, "utf8"),
    cwd: process.cwd(),
    env: process.env,
    fetch: (input, init) => fetch(input, init),
    readStdin,
  };
}

/** Reads stdin up to its first line break (a line pasted at a terminal) or its end (a pipe). */
function readStdin(): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) process.stderr.write("Reading one line from standard input: paste it, then press Enter.\n");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (): void => {
      stdin.off("data", onData).off("end", finish).off("error", onError);
      // A writer that keeps the pipe open (or a terminal) must not keep the process alive.
      stdin.pause();
      (stdin as { unref?: () => void }).unref?.();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      size += chunk.length;
      if (chunk.includes(0x0a) || size > MAX_STDIN_BYTES) finish();
    };
    const onError = (error: Error): void => {
      stdin.off("data", onData).off("end", finish).off("error", onError);
      reject(error);
    };
    stdin.on("data", onData).on("end", finish).on("error", onError);
  });
}
