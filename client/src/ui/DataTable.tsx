import { Card, Stack, Table } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  /** Hidden below this width on desktop tables (they gain columns as space allows). */
  minWidth?: 'md' | 'lg';
  align?: 'left' | 'right' | 'center';
}

/**
 * A table on desktop (gaining columns as the screen widens) and a list of cards on phones,
 * where a table would scroll sideways.
 */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  card,
  caption,
}: {
  rows: Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  card: (row: Row) => ReactNode;
  caption: string;
}) {
  const wide = useMediaQuery('(min-width: 48em)', true);
  const md = useMediaQuery('(min-width: 62em)', true);
  const lg = useMediaQuery('(min-width: 75em)', true);
  if (!wide) {
    return (
      <Stack gap="sm" component="ul" aria-label={caption} className="lentera-plain-list">
        {rows.map((row) => (
          <Card key={rowKey(row)} component="li" bg="white">
            {card(row)}
          </Card>
        ))}
      </Stack>
    );
  }
  const visible = columns.filter((c) => !c.minWidth || (c.minWidth === 'md' ? md : lg));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm" bg="white" withTableBorder>
        {/* Named for screen readers; the visible count sits under the table (LoadMore). */}
        <Table.Caption className="lentera-visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {visible.map((c) => (
              <Table.Th key={c.key} ta={c.align}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {visible.map((c) => (
                <Table.Td key={c.key} ta={c.align}>
                  {c.render(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
