/** Handlers of the room and student domains: the teacher's classroom controls. */
import type { CommandName } from "../../lib/protocol";
import type { TokenBucket } from "../rate-limit";
import type { CommandContext } from "./command";
import { bindSessionCommands } from "./session-command";

const ROOM_COMMANDS = [
  "room:lock",
  "room:pause",
  "room:hide-names",
  "room:end",
  "student:move",
  "student:rename",
  "student:remove",
  "student:readmit",
] as const satisfies readonly CommandName[];

export function registerRoomHandlers(ctx: CommandContext & { bucket: TokenBucket }): void {
  bindSessionCommands(ctx, ROOM_COMMANDS);
}
