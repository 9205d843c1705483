export * from "./facts";
export * from "./figures";
export * from "./percentiles";
export * from "./time-zone";
export * from "./day-rollup";
