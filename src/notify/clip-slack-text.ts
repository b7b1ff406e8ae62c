/**
 * Cuts mrkdwn that Deliverybot composed to at most `max` characters, ending with `…`, without
 * leaving half a link (`<https://…` would swallow what follows or show a raw URL) or half an
 * entity (`&am`) or half a surrogate pair. It relies on all text inside being escaped: every `<`
 * opens a link and every `&` starts an entity.
 */
export function clipSlackText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const open = cut.lastIndexOf("<");
  if (open > cut.lastIndexOf(">")) cut = cut.slice(0, open);
  const entity = cut.lastIndexOf("&");
  if (entity > cut.lastIndexOf(";")) cut = cut.slice(0, entity);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
