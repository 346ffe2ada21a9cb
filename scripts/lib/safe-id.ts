/** report_id names a file under texts/: nothing that could climb out of it. */
export const isSafeId = (id: string): boolean => /^[0-9A-Za-z_-]{1,128}$/.test(id);
