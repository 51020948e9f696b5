/** Upstream's `util.str_to_bool`: true only for `yes`, `true`, `y`, `t`, `1` (any case). */
export function strToBool(value: string): boolean {
  return ['yes', 'true', 'y', 't', '1'].includes(String(value).toLowerCase());
}
