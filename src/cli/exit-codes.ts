/** The command ran and found nothing wrong (warnings allowed). */
export const EXIT_OK = 0;
/** The command ran and found problems, e.g. an invalid deploy.yml. */
export const EXIT_INVALID = 1;
/** The command could not run: a usage error, an unreadable file, a command not available yet. */
export const EXIT_USAGE = 2;
