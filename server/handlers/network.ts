/** Handlers of the network domain: a student's own neuron and the teacher's network controls. */
import type { CommandName } from "../../lib/protocol";
import type { TokenBucket } from "../rate-limit";
import type { CommandContext } from "./command";
import { bindSessionCommands } from "./session-command";

const NETWORK_COMMANDS = [
  "neuron:set",
  "network:set-neuron",
  "network:set-inputs",
  "network:load",
  "network:load-preset",
  "network:reset",
  "network:randomize",
  "network:lock",
  "network:team-mode",
  "network:range",
  "network:threshold",
  "animation:play",
  "animation:step",
  "animation:stop",
] as const satisfies readonly CommandName[];

export function registerNetworkHandlers(ctx: CommandContext & { bucket: TokenBucket }): void {
  bindSessionCommands(ctx, NETWORK_COMMANDS);
}
