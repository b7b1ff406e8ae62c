import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The port of a `/proc/net/tcp` address such as `0100007F:1F90`. */
function portOf(address: string | undefined): number {
  return Number.parseInt(address?.split(":")[1] ?? "", 16);
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Socket inodes of TCP connections from `localPort` to `remotePort`, from `/proc/net/tcp` and `tcp6`. */
function socketInodes(localPort: number, remotePort: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readOrEmpty(table).split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (portOf(columns[1]) === localPort && portOf(columns[2]) === remotePort && columns[9] !== undefined) {
        inodes.add(columns[9]);
      }
    }
  }
  return inodes;
}

function holds(pid: number, inodes: ReadonlySet<string>): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  return fds.some((fd) => {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      return inode !== undefined && inodes.has(inode);
    } catch {
      return false;
    }
  });
}

/**
 * Which of `pids` owns the TCP connection from `clientPort` to `serverPort` (Linux `/proc`), e.g. which
 * app process sent a request the fake GitHub is holding; `undefined` when none does or `/proc` cannot tell.
 */
export function findSocketOwner(pids: readonly number[], clientPort: number, serverPort: number): number | undefined {
  const inodes = socketInodes(clientPort, serverPort);
  if (inodes.size === 0) return undefined;
  return pids.find((pid) => holds(pid, inodes));
}
