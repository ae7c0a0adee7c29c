/** Types of the Google Maps embed emulator (index.mjs). */
import type { EmbedEmulator } from '../_embed/index.mjs';
export const MAPS_EMBED_HOST: string;
export const MAPS_API_HOST: string;
export const MAPS_HOSTS: string[];
export const MAPS_COOKIES: string[];
export const MODES: string[];
export function mapsEmulator(options?: { hostBase?: string }): EmbedEmulator;
