/**
 * After a failed submit, put the keyboard focus (and the screen reader) on the first field
 * marked invalid, so the message under it is read out. Runs after React has rendered the errors.
 */
export function focusFirstInvalid(root: HTMLElement | null) {
  requestAnimationFrame(() => {
    const field = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
  });
}
