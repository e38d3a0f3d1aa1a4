import { Notifications } from '@mantine/notifications';

/** Where notifySuccess/notifyError show; loaded after the first screen (a toast shown earlier waits in the store). */
export default function AppNotifications() {
  return <Notifications position="top-center" limit={3} zIndex={1000} />;
}
