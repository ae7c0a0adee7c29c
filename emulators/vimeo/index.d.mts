/** Types of the Vimeo emulator (index.mjs). */
import type { EmbedEmulator } from '../_embed/index.mjs';
export const VIMEO_HOSTS: string[];
export function vimeoEmulator(options?: { hostBase?: string }): EmbedEmulator;
