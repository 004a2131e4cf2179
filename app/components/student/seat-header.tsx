/**
 * Where I sit: "You are neuron 2 of the hidden layer", my nickname, and my team when several
 * students share my neuron.
 */
import type { TeamMode } from "../../../lib/session/state";
import { describeNeuron, type NeuronModel } from "./neuron-model";

interface SeatHeaderProps {
  model: NeuronModel;
  nickname: string;
  hideNames: boolean;
  teamMode: TeamMode;
}

function TeamLine({ model, hideNames, teamMode }: Omit<SeatHeaderProps, "nickname">) {
  const others = model.teammates;
  if (others.length === 0) return null;
  const who = hideNames
    ? `${others.length} other student${others.length === 1 ? "" : "s"}`
    : others.map((s) => s.nickname).join(", ");
  const rule =
    teamMode === "average" ? "The class uses the average of your team's entries." : "The class uses your team's latest entry.";
  return (
    <p className="mt-2 rounded-xl bg-indigo-50 p-3 text-slate-800">
      You share this neuron with <strong>{who}</strong>. {rule}
    </p>
  );
}

export function SeatHeader({ model, nickname, hideNames, teamMode }: SeatHeaderProps) {
  return (
    <header>
      <p className="text-base text-slate-700">
        Hi, <strong className="text-slate-900">{nickname}</strong>
      </p>
      <h1 className="text-2xl font-extrabold leading-tight tracking-tight text-slate-900">
        You are {describeNeuron(model.seat, model.layerCount)}
      </h1>
      <TeamLine model={model} hideNames={hideNames} teamMode={teamMode} />
    </header>
  );
}
