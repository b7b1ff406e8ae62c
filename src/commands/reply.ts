import type { ReasonCode } from "../domain/reason-codes.js";
import { formatSentence } from "../config/format-sentence.js";

/** A refusal: the reason code and the sentence saying what would make it work. */
export function refusal(reason: ReasonCode, message: string): string {
  return `**Refused** (\`${reason}\`): ${formatSentence(message)}`;
}

/** A plain outcome sentence. */
export function sentence(message: string): string {
  return formatSentence(message);
}

/** A request kept until something happens: the reason code and what it waits for. */
export function waiting(reason: ReasonCode, message: string): string {
  return `**Waiting** (\`${reason}\`): ${formatSentence(message)}`;
}
