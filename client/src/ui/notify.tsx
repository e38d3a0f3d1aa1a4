import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import i18n from 'i18next';

const closeButtonProps = () => ({ 'aria-label': i18n.t('common.close') });

/** A status message that screen readers announce politely (role="status"). */
export function notifySuccess(message: string, title?: string) {
  notifications.show({ message, title, color: 'teal', icon: <IconCheck size={18} aria-hidden />, role: 'status', autoClose: 5000, closeButtonProps: closeButtonProps() });
}

/** An error that screen readers announce at once (role="alert"). */
export function notifyError(message: string, title?: string) {
  notifications.show({ message, title, color: 'red', icon: <IconAlertTriangle size={18} aria-hidden />, role: 'alert', autoClose: 8000, closeButtonProps: closeButtonProps() });
}
