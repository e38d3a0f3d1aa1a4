import { useRef, useState } from 'react';
import SignInPage from '../routes/sign-in';
import { FullPageLoader } from '../ui/FullPageLoader';
import type { BootSession } from './boot-session';
import { MantineRoot } from './MantineRoot';
import type { SessionMe } from './session';

/**
 * A first visit to /masuk: the sign-in page alone, without the router, Apollo or the shell (the budget in
 * test/build/bundle-budget.test.ts holds it to that). The signed-in app is fetched when the person starts
 * typing (they need it next; it downloads while they type) and shown once they are signed in.
 */
export function SignInApp({ session, enterApp, prefetchApp }: {
  session: Promise<BootSession | null>;
  enterApp: (me: SessionMe) => void;
  prefetchApp: () => void;
}) {
  const [entering, setEntering] = useState(false);
  const prefetched = useRef(false);
  if (entering) return <MantineRoot><FullPageLoader /></MantineRoot>;
  return (
    <MantineRoot>
      <div
        onInput={() => {
          if (prefetched.current) return;
          prefetched.current = true;
          prefetchApp();
        }}
      >
        <SignInPage
          session={session}
          onSignedIn={(me) => {
            setEntering(true);
            enterApp(me);
          }}
        />
      </div>
    </MantineRoot>
  );
}
