export * from "./detect-content-type";
export * from "./parse-range";
