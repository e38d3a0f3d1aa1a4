import { Notifications } from '@mantine/notifications';

/**
 * Where notifySuccess/notifyError show; loaded after the first screen (a toast shown earlier waits in the store).
 * At the top, just below the header (lentera-notifications in global.css): over the header a toast would cover the
 * menu and account buttons for its seconds on screen, right after the action the person may want to follow up; at
 * the bottom of a phone it covers a dropdown's options. Below the header it lies over the page's title.
 */
export default function AppNotifications() {
  return <Notifications position="top-center" limit={3} zIndex={1000} className="lentera-notifications" />;
}
