import type { DatabaseUrl } from "./database-url.js";

/** The `code` of a system error (ECONNREFUSED…) or a PostgreSQL error (SQLSTATE), also inside an AggregateError. */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  if ("code" in error && typeof error.code === "string") return error.code;
  if (error instanceof AggregateError) return errorCode(error.errors[0]);
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function advice(error: unknown, target: DatabaseUrl, setting: string): string {
  const at = `${target.host}:${target.port}`;
  const message = messageOf(error);
  switch (errorCode(error)) {
    case "ECONNREFUSED":
      return `connection refused. Is PostgreSQL running and listening on ${at}? Check the host and port in ${setting}.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host name "${target.host}" could not be resolved. Check the host in ${setting}.`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `no route to ${at} (${message}). Check that the server is reachable from here (network, firewall).`;
    case "28P01":
    case "28000":
      return `the server refused user "${target.user}" (${message}). Check the user and password in ${setting}, and pg_hba.conf.`;
    case "3D000":
      return `database "${target.database}" does not exist. Create it (createdb -h ${target.host} -p ${target.port}${target.user === "" ? "" : ` -U ${target.user}`} ${target.database}) or fix the database name in ${setting}.`;
    case "42501":
      return `permission denied (${message}). User "${target.user}" must be allowed to create the schema and tables.`;
    case "53300":
      return `the server has too many connections (${message}). Lower DATABASE_POOL_SIZE or raise max_connections.`;
  }
  if (/timeout/i.test(message)) {
    return `no answer from ${at} in time (${message}). Check that the server is reachable from here (network, firewall).`;
  }
  if (/terminated unexpectedly/i.test(message)) {
    return `the connection closed during startup (${message}). Check that ${at} is a PostgreSQL server and the sslmode in ${setting}.`;
  }
  return message;
}

/**
 * A message for a failure to open the store on PostgreSQL that says where it tried (host and port,
 * the URL without password) and what to check, for the errors people meet: nothing listening, an
 * unknown host, a wrong password, a missing database, missing privileges, too many connections.
 */
export function explainPostgresError(error: unknown, target: DatabaseUrl, setting = "DATABASE_URL"): string {
  return `Cannot open the store on PostgreSQL at ${target.host}:${target.port} (${setting}=${target.redacted}): ${advice(error, target, setting)}`;
}
