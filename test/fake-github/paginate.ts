/** One page of a list, with GitHub's `Link` header to the others (which `octokit.paginate` follows). */
export interface Page<T> {
  readonly items: T[];
  readonly headers: Record<string, string>;
}

/**
 * Cuts the page `?per_page=&page=` asks for (default 30, at most 100; pages from 1) out of `items`, and
 * links the first, previous, next and last pages as GitHub does: `<url?per_page=2&page=2>; rel="next"`.
 */
export function paginate<T>(items: readonly T[], query: Readonly<Record<string, string>>, url: string): Page<T> {
  const perPage = Math.min(Math.max(Number(query["per_page"] ?? 30) || 30, 1), 100);
  const page = Math.max(Number(query["page"] ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number, rel: string) => `<${url}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
  const links = [
    ...(page > 1 ? [link(page - 1, "prev")] : []),
    ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []),
    ...(page > 1 ? [link(1, "first")] : []),
  ];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length === 0 ? {} : { link: links.join(", ") },
  };
}
