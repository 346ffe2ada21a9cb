/** The text of anything thrown (an Error's message, else its string form), for messages people read. */
export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
