/** Every zone the runtime knows, plus the ones on this page if it spells them differently. */
export function zoneOptions(...current: string[]): string[] {
  return [...new Set([...Intl.supportedValuesOf("timeZone"), ...current])].sort();
}
