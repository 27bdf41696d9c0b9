/**
 * A curator keeps some items as context (`notAsked`: the year the war in
 * Syria began, COVID-19 case counts): true and sourced, but not what the
 * pack teaches. They are never a question's subject, and so, since options
 * are drawn only from right answers, never an option either.
 */
export function contextOnly(item: { notAsked?: string | undefined }): string | undefined {
  return item.notAsked ? `the curator keeps it as context, not asked: ${item.notAsked}` : undefined;
}
