import type { RouteHandler } from "./route-handler.js";

/**
 * `GET /avatars/u/{user_id}`, where the fake's `avatar_url`s point: a 5×5 identicon in SVG drawn from
 * the id, so that a page showing avatars loads them without leaving the fake (and a screenshot shows
 * who is who).
 */
export const getAvatar: RouteHandler = (request) => {
  const id = Number(request.params["user_id"]) || 0;
  const hue = id % 360;
  const cells: string[] = [];
  for (let x = 0; x < 3; x += 1) {
    for (let y = 0; y < 5; y += 1) {
      if (((id >> (x * 5 + y)) & 1) === 0) continue;
      cells.push(`<rect x="${x}" y="${y}" width="1" height="1"/>`);
      if (x < 2) cells.push(`<rect x="${4 - x}" y="${y}" width="1" height="1"/>`);
    }
  }
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="-0.5 -0.5 6 6">`,
    `<rect x="-0.5" y="-0.5" width="6" height="6" fill="hsl(${hue} 30% 92%)"/>`,
    `<g fill="hsl(${hue} 55% 45%)">${cells.join("")}</g></svg>`,
  ].join("");
  return { status: 200, body: svg, headers: { "content-type": "image/svg+xml", "cache-control": "max-age=300" } };
};
