/**
 * Whether a full ref (`refs/heads/main`) matches an `auto_deploy_on` pattern, where `*` matches
 * any run of characters, slashes included. Without `*` the match is exact, as in Deliverybot v1.
 */
export function matchRef(pattern: string, ref: string): boolean {
  const parts = pattern.split("*");
  if (parts.length === 1) return pattern === ref;

  const first = parts[0] ?? "";
  const last = parts[parts.length - 1] ?? "";
  if (!ref.startsWith(first) || ref.length < first.length + last.length) return false;
  if (!ref.endsWith(last)) return false;

  // Walk the middle pieces left to right; the leftmost fit leaves the most room for the rest.
  let position = first.length;
  const end = ref.length - last.length;
  for (const piece of parts.slice(1, -1)) {
    const found = ref.indexOf(piece, position);
    if (found === -1 || found + piece.length > end) return false;
    position = found + piece.length;
  }
  return true;
}
