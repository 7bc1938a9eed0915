/** Types of tools/services.mjs for the TypeScript specs that read it. */
export declare const services: { name: string; main: string; worker?: string; migrate?: string }[];
