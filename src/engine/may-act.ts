import type { ActorFacts } from "./command-facts.js";

/** May deploy (and lock) a target: its `deployers` when it lists them, otherwise write or admin. Repository admins always may. */
export function mayDeploy(actor: ActorFacts): boolean {
  if (actor.permission === "admin") return true;
  if (actor.listedAsDeployer !== undefined) return actor.listedAsDeployer;
  return actor.permission === "write";
}

/** May `--force` past checks and break someone else's lock: the target's `admins` when it lists them, otherwise repository admins. */
export function mayAdminister(actor: ActorFacts): boolean {
  if (actor.listedAsAdmin !== undefined) return actor.listedAsAdmin || actor.permission === "admin";
  return actor.permission === "admin";
}
