/** The optional host permissions the content check needs (manifest `optional_host_permissions`). */
export const PAGE_ORIGINS = ['http://*/*', 'https://*/*'];
