import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePersonMutations } from './usePersonMutations';

/** Sets a new password for someone who forgot theirs; the admin hands it over in person. */
export function ResetPasswordModal({ person, onClose }: { person: { id: string; fullName: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { resetPassword, resetting } = usePersonMutations();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(target: { id: string; fullName: string }) {
    if (value.length < 8) return setError(t('people.form.passwordMin'));
    const problem = await resetPassword(target.id, value, target.fullName);
    if (problem) setError(problem.fields.newPassword ?? problem.message);
    else {
      setValue('');
      setError(null);
      onClose();
    }
  }
  return (
    <Modal opened={!!person} onClose={onClose} title={t('people.reset.title', { name: person?.fullName ?? '' })} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (person) void submit(person);
        }}
      >
        <Stack>
          <Text size="sm">{t('people.reset.body')}</Text>
          <PasswordInput label={t('people.reset.newPassword')} required autoComplete="new-password" value={value} onChange={(e) => setValue(e.currentTarget.value)} error={error} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={resetting}>
              {t('people.reset.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
