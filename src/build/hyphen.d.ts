// The `hyphen` package ships CommonJS without types; these are the parts we use.
declare module 'hyphen/en-us/index.js' {
  const patterns: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default patterns;
}
declare module 'hyphen/en-gb/index.js' {
  const patterns: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default patterns;
}
