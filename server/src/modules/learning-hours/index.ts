export const learningHoursResolvers = [] as const;
