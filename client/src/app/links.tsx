import { createContext, useContext, type ComponentPropsWithRef, type ComponentType } from 'react';

export type AppLinkProps = { to: string } & Omit<ComponentPropsWithRef<'a'>, 'href'>;

/**
 * How links to the app's own pages are drawn. The signed-in app (App.tsx) provides React Router's Link (the
 * page changes without reloading); without it (the home page's first paint, app/HomeStart.tsx, before the
 * router has arrived) a link is a plain <a href>, which still opens the page.
 */
export const RouterLinkContext = createContext<ComponentType<AppLinkProps> | null>(null);

/** A link to a page of the app, `<Button component={AppLink} to="/katalog">` as with React Router's Link. */
export function AppLink({ to, ...props }: AppLinkProps) {
  const RouterLink = useContext(RouterLinkContext);
  return RouterLink ? <RouterLink to={to} {...props} /> : <a href={to} {...props} />;
}
