import type { ProbotOctokit } from "probot";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Whether a user is an active member of `org/team-slug`; a pending invitation is not membership. */
export async function isTeamMember(octokit: Octokit, team: string, login: string): Promise<boolean> {
  const [org = "", slug = ""] = team.split("/");
  try {
    const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
    return data.state === "active";
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}
