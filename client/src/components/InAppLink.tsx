// A link to another view of the explorer: followed without reloading the page (Back still works);
// opened in a new tab as any link when a modifier key is held.
import type { ReactNode } from 'react';
import { navigate } from '../lib/views';

export function InAppLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  return (
    <a
      href={href}
      className={className}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
