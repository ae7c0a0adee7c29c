/** Types of the Google Maps embed emulator (index.mjs). */
import type { EmbedEmulator } from '../_embed/index.mjs';
export const MAPS_HOSTS: string[];
export function mapsEmulator(options?: { hostBase?: string }): EmbedEmulator;
