import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Credit {
  id: string;
  title: string;
  owner: { name: string };
}

/**
 * "Adapted from … (first programme: …)": an adopted copy credits the programme it was copied from, and the first of
 * its chain, wherever it is shown (the library's page, the admin's page, the learner's page). Nothing for an original.
 */
export function ProgrammeLineage({ programme }: { programme: { adoptedFrom?: Credit | null; origin?: Credit | null } }) {
  const { t } = useTranslation();
  const { adoptedFrom, origin } = programme;
  if (!adoptedFrom) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="programme-lineage">
      {t('library.adaptedFrom', { title: adoptedFrom.title, owner: adoptedFrom.owner.name })}
      {origin && origin.id !== adoptedFrom.id ? ` ${t('library.originally', { title: origin.title, owner: origin.owner.name })}` : ''}
    </Text>
  );
}
