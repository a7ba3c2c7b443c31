// Strings of the explore tools: search box, year slider, manual breaks, unit panel (see
// messages.ts for the conventions).

export const exploreToolsVi = {
} as const;

export const exploreToolsEn: Record<keyof typeof exploreToolsVi, string> = {
};
