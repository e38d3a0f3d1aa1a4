import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useWithdraw } from './useWithdraw';

/** Withdraw with a confirmation that says what happens to the seat. */
export function WithdrawButton({ enrolmentId, status, title, onDone, fullWidth }: { enrolmentId: string; status: string; title: string; onDone?: () => void; fullWidth?: boolean }) {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  const { withdraw, loading } = useWithdraw();
  async function confirm() {
    if (!(await withdraw(enrolmentId, title))) return;
    modal.close();
    onDone?.();
  }
  const label =
    status === 'REQUESTED' ? t('enrolment.withdraw.cancelRequest') : status === 'WAITLISTED' ? t('enrolment.withdraw.leaveWaitlist') : t('enrolment.withdraw.button');
  return (
    <>
      <Button variant="default" color="red" onClick={modal.open} fullWidth={fullWidth}>
        {label}
      </Button>
      <Modal opened={opened} onClose={modal.close} title={t('enrolment.withdraw.confirmTitle')} centered>
        <Stack>
          <Text>{t('enrolment.withdraw.confirmBody', { title })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.8"
              loading={loading}
              onClick={() => void confirm()}
            >
              {t('enrolment.withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
