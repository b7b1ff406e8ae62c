/** The command ran and found nothing wrong (warnings allowed). */
export const EXIT_OK = 0;
/** The command ran and found problems, e.g. an invalid deploy.yml. */
export const EXIT_INVALID = 1;
/** The command could not run: a usage error, an unreadable file, a command not available yet. */
export const EXIT_USAGE = 2;
/** The app took the request and keeps it: a deploy waiting for its target's approvals, which deploys once they are in. */
export const EXIT_WAITING = 3;
