/** Types of the Vimeo emulator (index.mjs). */
import type { EmbedEmulator } from '../_embed/index.mjs';
export const VIMEO_PLAYER_HOST: string;
export const VIMEO_IMAGE_HOST: string;
export const VIMEO_HOSTS: string[];
export const VIMEO_COOKIES: string[];
export function vimeoEmulator(options?: { hostBase?: string }): EmbedEmulator;
