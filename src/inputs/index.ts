/** The shared input vocabulary: basic inputs and their cleaners, checked JSON, enum lists and time ranges. */
export * from "./core";
export * from "./json";
export * from "./enums";
export * from "./dates";
