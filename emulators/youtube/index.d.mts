/** Types of the YouTube emulator (index.mjs). */
import type { EmbedEmulator } from '../_embed/index.mjs';
export const YOUTUBE_HOSTS: string[];
export function youtubeEmulator(options?: { hostBase?: string }): EmbedEmulator;
