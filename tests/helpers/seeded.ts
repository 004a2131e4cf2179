/** Seeded pseudo-random numbers for tests (mulberry32): the engine's parametric draws use the same generator. */
export { seeded } from "../../lib/quiz/parametric";
