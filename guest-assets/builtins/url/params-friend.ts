/**
 * What the URL class and the params iterator may do with a URLSearchParams' private list: filled in
 * by the classes' static blocks (the private fields stay private to everything else).
 */
export const paramsFriend = {
  list: (_p: object): string[] => [],
  attach: (_p: object, _url: object): void => {},
  reset: (_p: object, _query: string | undefined): void => {},
  /** Set by the URL class: marks `url` as needing its search rebuilt from its params. */
  modified: (_url: object): void => {},
  /** querystring.unescape, as the parser uses it (set when the url module is built). */
  unescape: (text: string): string => decodeURIComponent(text),
};
