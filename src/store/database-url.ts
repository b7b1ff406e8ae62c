/** A PostgreSQL URL read for connecting and for messages. */
export interface DatabaseUrl {
  /** The URL as given, password included: only for connecting. */
  readonly connectionString: string;
  /** Safe to log: any password replaced by `***`. */
  readonly redacted: string;
  /** The server host (or socket directory), `localhost` when the URL names none. */
  readonly host: string;
  readonly port: string;
  /** The user name, empty when the URL names none (the driver then uses the system user). */
  readonly user: string;
  /** The database name, empty when the URL names none (the driver then uses the user name). */
  readonly database: string;
}

const EXAMPLE = "postgres://user:password@host:5432/database";

function redactParsed(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password !== "") copy.password = "***";
  for (const key of [...copy.searchParams.keys()]) {
    if (/pass/i.test(key)) copy.searchParams.set(key, "***");
  }
  return copy.href;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** For what is no PostgreSQL URL: everything between `user:` and the last `@` goes, and `pass…=` values. */
function redactLoosely(value: string): string {
  const withoutParams = value.replace(/(pass[a-z]*=)[^&#]*/gi, "$1***");
  const at = withoutParams.lastIndexOf("@");
  if (at === -1) return withoutParams;
  const scheme = SCHEME.exec(withoutParams)?.[0] ?? "";
  const userinfo = withoutParams.slice(scheme.length, at);
  const colon = userinfo.indexOf(":");
  return colon === -1 ? withoutParams : `${scheme}${userinfo.slice(0, colon)}:***${withoutParams.slice(at)}`;
}

function isPostgresUrl(url: URL): boolean {
  return url.protocol === "postgres:" || url.protocol === "postgresql:";
}

/**
 * The URL with its password (in the user part, or a `password`-like parameter) replaced by `***`.
 * Anything else (not a URL, another scheme, `user:password@host` without scheme) loses everything
 * between `user:` and the last `@`.
 */
export function redactDatabaseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (isPostgresUrl(url)) return redactParsed(url);
  } catch {
    // not a URL: redacted loosely below
  }
  return redactLoosely(value);
}

/** Percent-decoding that keeps a malformed sequence as it is instead of throwing. */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Reads a `postgres://` (or `postgresql://`) URL. Throws an Error saying what is wrong and how the
 * URL should look, naming the setting it came from and never showing its password.
 */
export function parseDatabaseUrl(value: string, setting = "DATABASE_URL"): DatabaseUrl {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${setting} is not a valid URL (${redactDatabaseUrl(value)}); expected ${EXAMPLE}`);
  }
  if (!isPostgresUrl(url)) {
    throw new Error(`${setting} must be a postgres:// or postgresql:// URL, got ${redactLoosely(value)} (expected ${EXAMPLE})`);
  }
  return {
    connectionString: value,
    redacted: redactParsed(url),
    host: url.searchParams.get("host") ?? (decode(url.hostname) || "localhost"),
    port: url.port || (url.searchParams.get("port") ?? "5432"),
    user: decode(url.username),
    database: decode(url.pathname.slice(1)),
  };
}
