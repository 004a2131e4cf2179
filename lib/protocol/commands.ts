import type { z } from "zod";
import type { Ack } from "./errors";
import { lessonCommands } from "./lesson";
import { networkCommands } from "./network";
import { quizCommands } from "./quiz";
import { roomCommands, sessionCommands } from "./room";
import { systemPing } from "./system";
import { trainingCommands } from "./training";

/**
 * Every command a client may send, by its `domain:verb` name, with the zod schema of its
 * payload and of the data in its successful acknowledgement. The server validates every
 * payload with these schemas before anything else looks at it.
 */
export const commands = {
  "system:ping": systemPing,
  ...sessionCommands,
  ...networkCommands,
  ...roomCommands,
  ...quizCommands,
  ...lessonCommands,
  ...trainingCommands,
} as const;

export type CommandName = keyof typeof commands;
export type CommandPayload<K extends CommandName> = z.input<(typeof commands)[K]["payload"]>;
/** A payload after validation (defaults filled in), as handlers and rules receive it. */
export type ValidPayload<K extends CommandName> = z.output<(typeof commands)[K]["payload"]>;
export type CommandResult<K extends CommandName> = z.output<(typeof commands)[K]["result"]>;

/** Socket.IO's typed map of client-to-server events. Types are not validation. */
export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandPayload<K>, ack: (response: Ack<CommandResult<K>>) => void) => void;
};

/**
 * Checks whether a string names a command.
 * @example
 * isCommandName("system:ping"); // true
 */
export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}
