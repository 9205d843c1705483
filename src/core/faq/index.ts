export * from "@/core/faq/entry";
export * from "@/core/faq/csv";
export * from "@/core/faq/intent";
export * from "@/core/faq/score";
export * from "@/core/faq/auto-send";
