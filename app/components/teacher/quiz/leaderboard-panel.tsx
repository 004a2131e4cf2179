"use client";

/**
 * The leaderboard on the dashboard: the "Leaderboard" button shows it here and on the
 * projector (top five there) and on every phone (each student's own rank); "Hide
 * leaderboard" takes it down. The dashboard lists the whole class.
 */
import { memo } from "react";
import { useLive } from "../../diagram/live-store";
import { leaderRows } from "../../quiz/dash-tally";
import { LeaderboardList } from "../../quiz/wall-leaderboard";
import { useCommands } from "../commands";
import { Panel, PRIMARY, SECONDARY } from "../ui";

export const LeaderboardButton = memo(function LeaderboardButton() {
  const { run, enabled } = useCommands();
  const shown = useLive((s) => s.quiz.leaderboard);
  return (
    <button
      type="button"
      aria-pressed={shown}
      className={shown ? PRIMARY : SECONDARY}
      disabled={!enabled}
      onClick={() => void run("quiz:leaderboard", { shown: !shown })}
    >
      Leaderboard
    </button>
  );
});

export const LeaderboardPanel = memo(function LeaderboardPanel() {
  const { run, enabled } = useCommands();
  const shown = useLive((s) => s.quiz.leaderboard);
  const scores = useLive((s) => s.quiz.scores);
  const students = useLive((s) => s.students);
  const hideNames = useLive((s) => s.hideNames);
  if (!shown) return null;
  return (
    <Panel
      title="Standings"
      actions={
        <div className="flex items-center gap-3">
          <p className="text-sm font-semibold text-slate-700">The projector shows the top five.</p>
          <button type="button" className={SECONDARY} disabled={!enabled} onClick={() => void run("quiz:leaderboard", { shown: false })}>
            Hide leaderboard
          </button>
        </div>
      }
    >
      <div className="max-h-[28rem] overflow-y-auto pr-1">
        <LeaderboardList rows={leaderRows(scores, students, hideNames)} />
      </div>
    </Panel>
  );
});

