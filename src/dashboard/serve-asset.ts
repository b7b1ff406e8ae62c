import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { DASHBOARD_CSS } from "./dashboard-css.js";
import { LIVE_SCRIPT } from "./live-script.js";

/** What the pages link: GitHub's Primer CSS from its package, our styles, the live-update script. */
const ASSETS: Readonly<Record<string, { readonly type: string; readonly load: () => Promise<string> }>> = {
  "primer.css": {
    type: "text/css",
    load: () => readFile(createRequire(import.meta.url).resolve("@primer/css/dist/primer.css"), "utf8"),
  },
  "dashboard.css": { type: "text/css", load: () => Promise.resolve(DASHBOARD_CSS) },
  "live.js": { type: "text/javascript", load: () => Promise.resolve(LIVE_SCRIPT) },
};

/** Serves `/dashboard/assets/<name>`, read once per process and cached by browsers for a day; false for an unknown name. */
export function createAssetServer(): (name: string, res: ServerResponse) => Promise<boolean> {
  const loaded = new Map<string, Promise<string>>();
  return async (name, res) => {
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (asset === undefined) return false;
    let text = loaded.get(name);
    if (text === undefined) {
      text = asset.load();
      loaded.set(name, text);
    }
    res.writeHead(200, {
      "content-type": `${asset.type}; charset=utf-8`,
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff",
    });
    res.end(await text);
    return true;
  };
}
