/** Per-recipient channel: a subscriber only ever hears its own notifications. */
export function notificationAddedTopic(recipientId: string): string {
  return `notifications.added.${recipientId}`;
}
