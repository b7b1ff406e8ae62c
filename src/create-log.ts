import { getTransformStream } from "@probot/pino";
import { pino, type Logger } from "pino";

// (pino.destination returns a sonic-boom, a writable stream at runtime whose types do not say so.)

/** Where a hook secret can appear in a request that Probot's access log serializes. */
const SECRET_PATHS = ['req.headers["x-deploy-secret"]', "req.url"];
const TOKEN_IN_URL = /([?&]token=)[^&#]*/gi;

/**
 * Probot's logger (same levels, formats and variables: `LOG_LEVEL`, `LOG_FORMAT`,
 * `LOG_LEVEL_IN_STRING`, `LOG_MESSAGE_KEY`, `SENTRY_DSN`) plus redaction: Probot's access log
 * serializes every request's URL and headers (visible with `LOG_FORMAT=json`), and a deploy hook's
 * secret travels in `X-Deploy-Secret` or `?token=`. Neither may reach a log.
 */
export async function createLog(
  env: NodeJS.ProcessEnv,
  destination: NodeJS.WritableStream = pino.destination(1) as unknown as NodeJS.WritableStream,
): Promise<Logger> {
  const transform = await getTransformStream({
    logFormat: logFormat(env),
    logLevelInString: env["LOG_LEVEL_IN_STRING"] === "true",
    sentryDsn: env["SENTRY_DSN"],
  });
  transform.pipe(destination);
  const redact = { paths: SECRET_PATHS, censor: censorSecret };
  return pino(
    { level: env["LOG_LEVEL"] ?? "info", name: "probot", messageKey: env["LOG_MESSAGE_KEY"] ?? "msg", redact },
    transform,
  );
}

/** A URL keeps its path with the token removed; any other secret is replaced whole. */
export function censorSecret(value: unknown, path: string[]): unknown {
  if (path[path.length - 1] === "url" && typeof value === "string") return value.replace(TOKEN_IN_URL, "$1[redacted]");
  return "[redacted]";
}

/** As Probot reads it: `LOG_FORMAT`, else json in production and pretty elsewhere. */
function logFormat(env: NodeJS.ProcessEnv): "json" | "pretty" {
  const format: string | undefined = env["LOG_FORMAT"];
  if (format !== undefined && format !== "") return format === "pretty" ? "pretty" : "json";
  return env["NODE_ENV"] === "production" ? "json" : "pretty";
}
