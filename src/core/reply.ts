/**
 * What a command returns. The core never sends anything: each adapter renders
 * a Reply into its platform's shape (embeds, Block Kit, text) and enforces
 * that platform's limits.
 */

export type Visibility = 'private' | 'channel';

export interface ReplyField {
  name: string;
  value: string;
  inline?: boolean;
}

/** A button. `action` is routed back to the command that made it (≤ 100 chars). */
export interface Choice {
  action: string;
  label: string;
  style?: 'primary' | 'secondary' | 'success' | 'danger';
  /** Rendered as a select/option list rather than a button where that reads better. */
  group?: string;
  /**
   * Offered as an option of a select menu whose placeholder is this text,
   * where the platform has menus (Discord); elsewhere it stays a button.
   * Choices sharing it form one menu; picking an option runs its action.
   */
  menu?: string;
}

/**
 * Asks the person who clicked for a line of text: a modal on Discord and
 * Slack, the next line typed on the console. What they type goes back with
 * `action` to the command that asked (its `onInput`).
 */
export interface TextRequest {
  action: string;
  /** The box's heading; Discord shows at most 45 characters. */
  title: string;
  /** What to type, above the box ("Type a date"); at most 45 characters on Discord. */
  label: string;
  /** Shown greyed in the empty box: the form wanted, never the answer. */
  placeholder?: string;
  maxLength: number;
}

export interface ReplyImage {
  png: Uint8Array;
  filename: string;
  /** Alt text listing what the picture shows. */
  alt: string;
}

/** A source as it appears under a reply: outlet, headline, date. */
export interface SourceLine {
  id: string;
  outlet: string;
  headline: string;
  date: string;
  url?: string;
}

/** A verbatim cut from an article that backs what a reply says, with where it was printed. */
export interface QuotedEvidence {
  excerpt: string;
  outlet: string;
  /** The article's date, as a reader reads it: "1 October 2020". */
  date: string;
}

export interface Reply {
  /** Plain-text rendering of the whole reply; every adapter can fall back to it. */
  text: string;
  title?: string;
  /** Main body, light markdown (**bold**, _italic_, lists). */
  body?: string;
  fields?: ReplyField[];
  choices?: Choice[];
  image?: ReplyImage;
  /** The article's own words behind the answer: quoted in the embed, a context block, or a quoted line. */
  evidence?: QuotedEvidence[];
  /** Sources cited by the reply, shown as a footer/context line. */
  sources?: SourceLine[];
  /** Short footer text such as "Page 2 of 5". */
  footer?: string;
  visibility: Visibility;
  /** Set on the answer to a click: instead of showing this reply, the adapter asks the clicker to type (its `text` is the console's prompt). */
  input?: TextRequest;
  /** When set, the adapter edits the message that carried the clicked choice instead of posting anew. */
  replaceOriginal?: boolean;
}
