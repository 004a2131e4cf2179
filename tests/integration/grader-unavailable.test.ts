/**
 * The grader where no sandbox can run: a pool whose children die before they are ready gives
 * up and says why, and a grader without bubblewrap answers `unavailable` with how to enable
 * code questions, running nothing. (tests/integration/grader.test.ts grades for real.)
 */
import { describe, expect, it } from "vitest";
import { SPAM_REFERENCE } from "../../lib/lesson/code-exercise";
import { Grader } from "../../server/grader";
import { Pool } from "../../server/grader/pool";
import { WarmChild } from "../../server/grader/warm-child";

const job = { source: SPAM_REFERENCE, entry: "predict", calls: [{ args: [[0.45, 0, 0], 0.5] }], asserts: [] };

describe("a sandbox that does not start", () => {
  it("a pool whose children die before they are ready tries again after a pause, then gives up and says why", async () => {
    const dying = { command: "/bin/sh", args: ["-c", "echo 'bwrap: No permissions to create a new namespace' >&2; exit 1"], env: {} as NodeJS.ProcessEnv, seccomp: null };
    let started = 0;
    const broken = await new Promise<string>((resolve) => {
      const pool = new Pool({
        size: 1,
        spawn: () => {
          started++;
          return new WarmChild(dying, "", 10_000);
        },
        onReady: () => resolve("a child became ready"),
        onBroken: resolve,
      });
      pool.fill();
    });
    expect(broken).toMatch(/failed to start 3 times in a row .*No permissions to create a new namespace/);
    expect(started).toBe(3);
  });
});

describe("without bubblewrap", () => {
  it("reports unavailable, with how to enable code questions, and runs nothing", async () => {
    const none = new Grader({ bwrap: "/nonexistent/bwrap" });
    try {
      const o = await none.run(job);
      expect(o.kind).toBe("unavailable");
      if (o.kind === "unavailable") expect(o.reason).toContain("apt-get install bubblewrap");
      await none.warm();
      expect(none.status()).toMatchObject({ available: false, warm: 0, starting: 0, queued: 0, running: 0 });
      expect(none.status().reason).toContain("/nonexistent/bwrap");
    } finally {
      await none.close();
    }
  });
});
