/**
 * Everything the command-line tool touches outside itself, so tests run it in-process with fakes.
 * `stdout` and `stderr` receive whole lines, each ending in "\n".
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 text file; rejects with Node's error (`code: "ENOENT"`, …) when it cannot. */
  readFile(path: string): Promise<string>;
  /** Where relative paths given on the command line start from. */
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
  /** HTTP to the running app (`hooks`); the global `fetch` outside tests. */
  readonly fetch: typeof fetch;
  /**
   * Standard input as UTF-8 text, up to its first line break or its end (what `notify add` reads
   * a receiver's URL from, so that it stays out of shell history and `ps`).
   */
  readStdin(): Promise<string>;
}
