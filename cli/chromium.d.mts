export declare const CHROME_ARGS: string[];
