import { useEffect, type ComponentPropsWithRef, type MouseEvent } from 'react';

export type AppLinkProps = { to: string } & Omit<ComponentPropsWithRef<'a'>, 'href'>;

let navigation: ((to: string) => void) | null = null;

/**
 * How a link to one of the app's own pages opens it without loading a new document, while the calling component
 * is mounted: the router's navigate in the signed-in app (router.tsx); on the home page's first paint
 * (app/HomeStart.tsx) a change of address the app opens once it has arrived. Without one, a link is a plain <a href>.
 */
export function useLinkNavigation(navigate: (to: string) => void): void {
  useEffect(() => {
    navigation = navigate;
    return () => {
      if (navigation === navigate) navigation = null;
    };
  }, [navigate]);
}

/** A link to a page of the app, `<Button component={AppLink} to="/katalog">`, as with React Router's Link. */
export function AppLink({ to, onClick, children, ...props }: AppLinkProps) {
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    // A click meant for a new tab or window, or a download, is the browser's.
    if (!navigation || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (props.target && props.target !== '_self') return;
    event.preventDefault();
    navigation(to);
  }
  return (
    <a href={to} onClick={follow} {...props}>
      {children}
    </a>
  );
}
