/**
 * Every limit in one place; docs/security.md ("Guessing and floods") explains the numbers.
 * `perAddress` budgets are multiplied by SYNAPSE_TEST_LIMIT_SCALE (tests only); per
 * participant and per socket budgets never are.
 */
export const BUDGETS = {
  /** Any look-up by code (join, join page, projector link, projector socket), right or wrong. */
  lookups: { points: 1_200, seconds: 60 },
  /** Wrong codes from one address: the short window paces, the day bounds guessing. */
  wrongShort: { points: 150, seconds: 10 * 60 },
  wrongDay: { points: 1_500, seconds: 24 * 60 * 60 },
  /**
   * Wrong codes from everyone. Once it is spent, an address that already made a wrong guess
   * in its short window waits; an address with no mistakes yet still gets in.
   */
  wrongGlobal: { points: 6_000, seconds: 60 * 60 },
  /** Sessions created by one address. */
  sessionsShort: { points: 30, seconds: 10 * 60 },
  sessionsDay: { points: 300, seconds: 24 * 60 * 60 },
  /** Socket handshakes from one address, and sockets it may hold at once. */
  handshakes: { points: 600, seconds: 60 },
  socketsPerAddress: 1_000,
  /** Sockets with neither a token nor a code (the app never opens one) per address. */
  anonymousPerAddress: 20,
  /** Per participant (one token), whatever the address. */
  handshakesPerParticipant: { points: 60, seconds: 60 },
  socketsPerParticipant: 6,
  /** Commands per participant over all of its sockets (a slider drag is about 20 a second). */
  commands: { points: 40, seconds: 1 },
  /** A sender past this many times its command budget in one window is disconnected. */
  floodFactor: 3,
  /** How long a pass cut off for flooding is refused at the handshake (before any look-up). */
  floodPenaltyMs: 10_000,
} as const;
