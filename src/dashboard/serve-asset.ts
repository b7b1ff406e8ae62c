import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { DASHBOARD_CSS } from "./dashboard-css.js";

/** The stylesheets the pages link: GitHub's Primer CSS from its package, and ours. */
const ASSETS: Readonly<Record<string, () => Promise<string>>> = {
  "primer.css": () => readFile(createRequire(import.meta.url).resolve("@primer/css/dist/primer.css"), "utf8"),
  "dashboard.css": () => Promise.resolve(DASHBOARD_CSS),
};

/** Serves `/dashboard/assets/<name>`, read once per process and cached by browsers for a day; false for an unknown name. */
export function createAssetServer(): (name: string, res: ServerResponse) => Promise<boolean> {
  const loaded = new Map<string, Promise<string>>();
  return async (name, res) => {
    const load = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (load === undefined) return false;
    let text = loaded.get(name);
    if (text === undefined) {
      text = load();
      loaded.set(name, text);
    }
    res.writeHead(200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff",
    });
    res.end(await text);
    return true;
  };
}
