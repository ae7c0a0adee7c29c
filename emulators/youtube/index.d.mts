/** Types of the YouTube emulator (index.mjs). */
import type { EmbedEmulator } from '../_embed/index.mjs';
export const YOUTUBE_NOCOOKIE_HOST: string;
export const YOUTUBE_HOST: string;
export const YOUTUBE_IMAGE_HOST: string;
export const YOUTUBE_HOSTS: string[];
export const YOUTUBE_DEVICE_KEY: string;
export const YOUTUBE_COOKIES: string[];
export function youtubeEmulator(options?: { hostBase?: string }): EmbedEmulator;
