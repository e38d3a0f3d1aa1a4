import type { ReactNode } from 'react';

/**
 * A link for keyboard users past a long run of controls (e.g. the catalogue's filters) to what they
 * lead to: hidden until it has the focus, then it moves the focus to the target (which needs an id
 * and tabIndex={-1}).
 */
export function SkipLink({ target, children }: { target: string; children: ReactNode }) {
  return (
    <a
      href={`#${target}`}
      className="lentera-skip-inline"
      onClick={(e) => {
        const element = document.getElementById(target);
        if (!element) return;
        e.preventDefault();
        element.focus();
        element.scrollIntoView({ block: 'start' });
      }}
    >
      {children}
    </a>
  );
}
