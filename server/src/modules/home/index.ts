import { HomeResolver } from './home.resolver.js';

export const homeResolvers = [HomeResolver] as const;
