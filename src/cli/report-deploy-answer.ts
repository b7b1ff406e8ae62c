import { shortSha } from "../domain/short-sha.js";
import type { AdminAnswer } from "./admin-client.js";
import type { CliIo } from "./cli-io.js";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, EXIT_WAITING } from "./exit-codes.js";
import { toPlainLine } from "./plain-line.js";

/**
 * Prints the admin API's answer to a deploy (`deliverybot deploy`, `deliverybot promote`) and
 * returns the exit code: 0 deployed or already deployed (on stdout), 1 refused by a gate (`refused
 * (<reason>): <message>` on stderr), 2 when the app could not do it, 3 kept until the target's
 * approvals are in (`Waiting (<reason>): <message>` on stdout; it deploys then, once).
 */
export function reportDeployAnswer(io: CliIo, command: string, answer: AdminAnswer): number {
  if (answer.ok) {
    const sha = shortSha(String(answer.body["sha"]));
    const environment = String(answer.body["environment"]);
    if (answer.body["status"] === "waiting") {
      io.stdout(`${toPlainLine(`Waiting (${String(answer.body["reason"])}): ${String(answer.body["message"])}`)}\n`);
      return EXIT_WAITING;
    }
    if (answer.body["status"] === "already_deployed") {
      io.stdout(`Already deployed: this request was handled before; ${sha} is not deployed to ${environment} again.\n`);
    } else {
      io.stdout(
        `Deployed ${sha} to ${environment} (target ${String(answer.body["target"])}): deployment ${String(answer.body["deployment"])}.\n`,
      );
    }
    return EXIT_OK;
  }
  const reason = answer.body?.["reason"];
  const message = answer.body?.["message"];
  if (typeof reason === "string") {
    io.stderr(
      `${toPlainLine(`deliverybot ${command}: refused (${reason}): ${typeof message === "string" ? message : answer.message}`)}\n`,
    );
    return EXIT_INVALID;
  }
  const detail = typeof message === "string" ? `${answer.message}: ${message}` : answer.message;
  io.stderr(`${toPlainLine(`deliverybot ${command}: ${detail}`)}\n`);
  return EXIT_USAGE;
}
