import type { RouteResponse } from "./route-handler.js";

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * A page of GitHub's web host as the browser sees it: `<title>` and `<h1>` say `title`, a paragraph
 * says `text` (both escaped: they can echo query parameters). The empty icon spares the browser a
 * request for `/favicon.ico`, which the fake would record as unexpected.
 */
export function htmlPage(status: number, title: string, text: string, refused = false): RouteResponse {
  const body = [
    "<!DOCTYPE html>",
    `<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${escapeHtml(title)} · GitHub</title></head>`,
    `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`,
  ].join("\n");
  return { status, body, headers: { "content-type": "text/html; charset=utf-8" }, refused };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}
