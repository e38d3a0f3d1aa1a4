import { useQuery } from '@apollo/client/react';
import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql/__generated__';

// Who may teach this course on the given dates (the server's agreement gate lets the same people through).
const AssignableInstructorChoicesDocument = graphql(`
  query AssignableInstructorChoices($courseId: ID!, $startsAt: DateTimeISO, $endsAt: DateTimeISO, $search: String) {
    assignableInstructors(courseId: $courseId, startsAt: $startsAt, endsAt: $endsAt, search: $search, first: 50) {
      nodes {
        personId
        fullName
        positionTitle
        partnerName
        agreementNumber
        agreementKind
      }
    }
  }
`);

/** "PKS 12/2026"; a number that already starts with its kind ("PKS/001/UI/2025") is shown as it is. */
function agreementLabel(kind: string | null | undefined, number: string): string {
  return !kind || number.toUpperCase().startsWith(kind) ? number : `${kind} ${number}`;
}

export type KnownInstructor = { id: string; fullName: string; partnerName?: string | null };

/**
 * The instructors of a run or of a series' occurrences: the course owner's own teachers and the partner lecturers an
 * agreement covers from `startsAt` to `endsAt` (ISO, or null while not typed), each with its agreement number.
 */
export function InstructorPicker({ courseId, startsAt, endsAt, known, value, onChange, error, label, description }: {
  courseId: string;
  startsAt: string | null;
  endsAt: string | null;
  /** The instructors already chosen when the form opened, so they keep their names whatever is offered now. */
  known: readonly KnownInstructor[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: ReactNode;
  label: string;
  description: string;
}) {
  const { t } = useTranslation();
  const [instructorSearch, setInstructorSearch] = useState('');
  // Everyone offered so far, labelled without an agreement: a chosen person a later search or date leaves out keeps a name.
  const [seen] = useState(() => new Map<string, string>());
  // The choices follow the dates (and the search) as they are typed, a moment after the typing stops.
  // (Debounced as a string: a new object every render would never settle.)
  const [choiceKey] = useDebouncedValue(JSON.stringify([startsAt, endsAt, instructorSearch.trim() || null]), 300);
  const [from, to, search] = JSON.parse(choiceKey) as (string | null)[];
  const { data: choices } = useQuery(AssignableInstructorChoicesDocument, { variables: { courseId, startsAt: from, endsAt: to, search } });
  for (const i of known) if (!seen.has(i.id)) seen.set(i.id, i.partnerName ? t('runAdmin.form.instructorOfPartner', { name: i.fullName, partner: i.partnerName }) : i.fullName);
  const offered = (choices?.assignableInstructors.nodes ?? []).map((p) => {
    const plain = p.partnerName ? t('runAdmin.form.instructorOfPartner', { name: p.fullName, partner: p.partnerName }) : [p.fullName, p.positionTitle].filter(Boolean).join(' — ');
    seen.set(p.personId, plain);
    const text = p.agreementNumber
      ? t('runAdmin.form.instructorOffer', { name: p.fullName, partner: p.partnerName ?? '', agreement: agreementLabel(p.agreementKind, p.agreementNumber) })
      : plain;
    return { value: p.personId, label: text };
  });
  // Those chosen but not offered now stay listed (and selected): saving them shows the server's agreement message.
  const offeredIds = new Set(offered.map((o) => o.value));
  const data = [...offered, ...value.filter((id) => !offeredIds.has(id)).map((id) => ({ value: id, label: seen.get(id) ?? id }))];
  return (
    <MultiSelect
      label={label}
      description={description}
      searchable
      searchValue={instructorSearch}
      onSearchChange={setInstructorSearch}
      // The server searches (typos forgiven): its answer is shown as it is; those only chosen are matched here.
      filter={({ options, search: typed }) => options.filter((o) => !('value' in o) || offeredIds.has(o.value) || o.label.toLowerCase().includes(typed.trim().toLowerCase()))}
      nothingFoundMessage={t('runAdmin.form.noInstructorFound')}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
