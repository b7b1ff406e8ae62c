import type { NotificationRoute } from "./model.js";
import type { PathProblem } from "./path-problem.js";

/**
 * The `notifications` entries naming a channel that is not registered for the repository's owner:
 * they would notify nobody. Each problem says how to register the channel.
 */
export function checkNotificationChannels(
  routes: readonly NotificationRoute[],
  registered: ReadonlySet<string>,
  owner: string,
): PathProblem[] {
  return routes.flatMap((route, index) =>
    registered.has(route.channel)
      ? []
      : [
          {
            path: ["notifications", index, "channel"],
            message: `no channel \`${route.channel}\` is registered for ${owner}, so these notifications go nowhere: register it with \`deliverybot notify add ${owner} ${route.channel} --webhook\` (or \`--slack\`), or fix the name.`,
          },
        ],
  );
}
