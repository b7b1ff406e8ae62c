import { nowMs } from "./send-webhooks.js";

/** One page as the bench fetched it. */
export interface PageLoad {
  readonly status: number;
  /** From sending the request to the last byte of the body. */
  readonly ms: number;
  readonly body: string;
}

/** A signed-in user of the dashboard, without a browser. */
export interface DashboardSession {
  load(path: string): Promise<PageLoad>;
}

const COOKIE = "deliverybot_session";

/**
 * Signs in as whoever the fake GitHub has signed in (`signInAs`) by following the OAuth web flow's
 * redirects by hand (the app's login, GitHub's authorize page, the app's callback), keeping the
 * session cookie as a browser would. Throws when a step answers otherwise than the flow does.
 */
export async function signInOverHttp(appUrl: string): Promise<DashboardSession> {
  let cookie = "";
  const step = async (url: string): Promise<string> => {
    const response = await fetch(url, { redirect: "manual", headers: cookie === "" ? {} : { cookie } });
    await response.arrayBuffer();
    const set = response.headers.getSetCookie().find((line) => line.startsWith(`${COOKIE}=`));
    if (set !== undefined) cookie = set.split(";", 1)[0] ?? "";
    const location = response.headers.get("location");
    if (response.status < 300 || response.status > 399 || location === null)
      throw new Error(`sign-in: ${url} answered ${response.status}, not a redirect`);
    return new URL(location, url).href;
  };
  const authorize = await step(`${appUrl}/dashboard/auth/login?return_to=%2Fdashboard`);
  const callback = await step(authorize);
  const landed = await step(callback);
  if (landed !== `${appUrl}/dashboard`) throw new Error(`sign-in: landed on ${landed}, not the dashboard`);
  return {
    async load(path) {
      const started = nowMs();
      const response = await fetch(`${appUrl}${path}`, { headers: { cookie } });
      const body = await response.text();
      return { status: response.status, ms: nowMs() - started, body };
    },
  };
}
