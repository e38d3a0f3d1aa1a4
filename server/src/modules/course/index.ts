export const courseResolvers = [] as const;
