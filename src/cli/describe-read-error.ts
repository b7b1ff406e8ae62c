const PASS_PATH = "pass the path of your deploy.yml, e.g. deliverybot validate path/to/deploy.yml";

const REASONS: { readonly [code: string]: string } = {
  ENOENT: `no such file; ${PASS_PATH}`,
  ENOTDIR: `no such file; ${PASS_PATH}`,
  EISDIR: "it is a directory; pass the path of the deploy.yml file in it",
  EACCES: "permission denied; make the file readable",
  EPERM: "permission denied; make the file readable",
};

/**
 * Why a file could not be read, as one line that says what to do:
 * `cannot read .github/deploy.yml: no such file; pass the path of your deploy.yml, …`.
 */
export function describeReadError(error: unknown, path: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === "string" ? REASONS[code] : undefined;
  return `cannot read ${path}: ${reason ?? (error instanceof Error ? error.message : String(error))}`;
}
