export * from "./match";
export * from "./rules";
export * from "./variables";
