/** What the content checks share: where in an item a problem is, how it is reported, and a nameable thing. */

/** A step of a path into an item: a field name or a list index. */
export type Segment = string | number;

/** Records a problem at a path of an item. */
export type Report = (item: object, at: Segment[], message: string) => void;

/** An actor or a place, as the checks read its names. */
export type Named = {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
  country?: string;
  adjectives?: string[];
  capital?: string;
};
